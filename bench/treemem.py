"""Runs commands and measures their wall time and the peak memory of the whole process tree.

`wait4`'s max RSS covers one process; stukken's WeasyPrint workers are separate processes
(and outlive no job, but are never waited for by the bench), so the tree is sampled from
/proc instead: every 100 ms the resident memory of all descendants of this script, summed.
"""
import concurrent.futures
import os
import subprocess
import sys
import threading
import time

PAGE = os.sysconf("SC_PAGE_SIZE")


def descendants_rss():
    parent, rss = {}, {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{pid}/statm") as f:
                rss[int(pid)] = int(f.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
        parent[int(pid)] = int(fields[1])
    me, total = os.getpid(), 0
    for pid, size in rss.items():
        p = pid
        while p in parent and p != me and p > 1:
            p = parent[p]
        if p == me and pid != me:
            total += size
    return total


def run_tree(cmds, parallel=None, env=None):
    """Runs `cmds` (all at once, or `parallel` at a time); returns (seconds, peak MB)."""
    peak, done = [0], threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], descendants_rss())
            time.sleep(0.1)

    def one(cmd):
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        if proc.returncode != 0:
            sys.exit(f"failed ({proc.returncode}): {' '.join(cmd[:4])} …\n{proc.stderr.decode(errors='replace')[-2000:]}")

    sampler = threading.Thread(target=sample, daemon=True)
    start = time.perf_counter()
    sampler.start()
    with concurrent.futures.ThreadPoolExecutor(max_workers=parallel or len(cmds)) as ex:
        list(ex.map(one, cmds))
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    return elapsed, peak[0] / 2**20
