#!/usr/bin/env python3
"""Benchmark: stukken against cmark-gfm alone (the floor) and against pandoc (the peer).

Usage: python3 bench/bench.py [--n 1000] [--big 10000] [--rounds 7] [--smoke] [--dry] [--no-pandoc]

1. Generates a deterministic corpus of N realistic voorstellen (a few KB of toelichting
   each, nested voorstel punten, a table now and then, ~15 % openbaar: nee) and a meeting
   file that puts them all on one agenda.
2. Builds stukken in release mode.
3. Times, interleaved (A F B P A F B P …), in one run:
     A  stukken render of all N files to HTML into a folder
     F  cmark-gfm (Debian cmark-gfm) with the same extensions over the Markdown stukken
        itself produced for those N files, in one process
     B  stukken pack of the meeting (a fresh folder each time: a full build)
     P  pandoc turning the same Markdown into standalone HTML, in one process
4. Prints medians, the ratios A/F, B/F, P/A (each the median of the rounds' own ratios), CPU use (both cores busy?), and peak memory
   (max RSS) of A and B at N and at --big; writes bench/RESULTS.md with the machine.
"""
import argparse
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".bench")
RUNS = os.path.join(WORK, "runs")
# /dev/shm is a tmpfs on Debian; the same runs there show what the ext4 disk costs.
TMPFS_RUNS = os.path.join("/dev/shm", f"stukken-bench-{os.getpid()}") if os.path.isdir("/dev/shm") else None
BIN = os.path.join(ROOT, ".build", "release", "stukken")
EXTENSIONS = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

WORDS = (
    "veiligheid regio gemeenten samenwerking platform bestuur burgemeester politie openbaar ministerie "
    "aanpak woninginbraken ondermijning informatiepositie preventie handhaving toezicht jeugd zorg "
    "brandweer crisisbeheersing innovatie partners netwerk resultaten capaciteit financiering subsidie "
    "projectleider portefeuillehouder voortgang monitoring evaluatie doelstelling Twente Enschede Hengelo "
    "Almelo Borne Oldenzaal Losser Haaksbergen Hellendoorn Wierden Tubbergen Dinkelland Twenterand"
).split()


def sentence(rng, n=None):
    n = n or rng.randint(8, 22)
    words = [rng.choice(WORDS) for _ in range(n)]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 7)))


def quoted(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def voorstel(i, rng):
    openbaar = "nee" if rng.random() < 0.15 else "ja"
    lines = [
        "soort: voorstel",
        "orgaan: AB",
        f"onderwerp: {quoted(sentence(rng, 6)[:-1])}",
        f"agendapunt: E{i}",
        "datum: 2016-10-10",
        f"openbaar: {openbaar}",
        "behandeld_door: H. Meuleman",
        f"registratienummer: 2016/{1000 + i}",
        "telefoonnummer: 06 - 13009389",
        "portefeuillehouder: Burgemeester Hofland",
    ]
    if openbaar == "nee":
        lines.append(f"openbare_titel: {quoted('Vertrouwelijk agendapunt ' + str(i))}")
    lines.append("voorstel:")
    for p in range(rng.randint(2, 6)):
        if rng.random() < 0.3:
            lines.append(f"  - tekst: {quoted(sentence(rng))}")
            lines.append("    punten:")
            for q in range(rng.randint(2, 4)):
                if rng.random() < 0.3:
                    lines.append(f"      - tekst: {quoted(sentence(rng))}")
                    lines.append("        punten:")
                    for _ in range(rng.randint(2, 3)):
                        lines.append(f"          - {quoted(sentence(rng))}")
                else:
                    lines.append(f"      - {quoted(sentence(rng))}")
        else:
            lines.append(f"  - {quoted(sentence(rng))}")
    lines.append("samenvatting: |")
    lines.append("  " + paragraph(rng))
    lines.append("toelichting: |")
    body = []
    for s in range(rng.randint(4, 8)):
        if rng.random() < 0.25:
            body.append("## " + sentence(rng, 4)[:-1])
            body.append("")
        body.append(paragraph(rng))
        body.append("")
        if rng.random() < 0.3:
            for _ in range(rng.randint(3, 5)):
                body.append("- " + sentence(rng))
            body.append("")
    if rng.random() < 0.2:
        body += ["| Gemeente | 2015 | 2016 |", "|---|---:|---:|"]
        for g in rng.sample(WORDS[-14:], 6):
            body.append(f"| {g} | {rng.randint(10, 999)} | {rng.randint(10, 999)} |")
        body.append("")
    lines += ["  " + line if line else "" for line in body]
    lines += [
        "bijlagen:",
        f"  - {quoted('Notitie ' + sentence(rng, 4)[:-1])}",
        "ondertekening:",
        "  plaats: Enschede",
        "  datum: 2016-09-21",
        "  secretaris: H.G.W. Meuleman",
        "  voorzitter: Dr. G.O. van Veldhuizen",
    ]
    return "\n".join(lines) + "\n"


def corpus(n):
    folder = os.path.join(WORK, f"corpus-{n}")
    marker = os.path.join(folder, ".complete")
    if os.path.exists(marker):
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(os.path.join(folder, "stukken"))
    rng = random.Random(20161010)
    agenda = []
    for i in range(1, n + 1):
        name = f"stukken/e{i:05d}.yaml"
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write(voorstel(i, rng))
        agenda.append(f"  - stuk: {name}")
    with open(os.path.join(folder, "vergadering.yaml"), "w", encoding="utf-8") as f:
        f.write("soort: vergadering\norgaan: AB\ndatum: 2016-10-10\nagenda:\n" + "\n".join(agenda) + "\n")
    open(marker, "w").close()
    return folder


LAST_SYSTEM_TIME = [0.0]  # the kernel's share of the last run: where disk and tmpfs differ


def run(cmd, **kw):
    """Runs a command; returns (seconds, max RSS in MB, CPU seconds)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"failed ({code}): {' '.join(cmd[:4])} …\n{err[-2000:]}")
    LAST_SYSTEM_TIME[0] = usage.ru_stime
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def yaml_files(folder):
    d = os.path.join(folder, "stukken")
    return sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".yaml"))


def markdown_files(folder, files):
    md = os.path.join(WORK, os.path.basename(folder) + "-md")
    if not os.path.exists(os.path.join(md, ".complete")):
        shutil.rmtree(md, ignore_errors=True)
        run([BIN, "render", "--format", "markdown", "-o", md, os.path.join(folder, "stukken")])
        open(os.path.join(md, ".complete"), "w").close()
    return sorted(os.path.join(md, f) for f in os.listdir(md) if f.endswith(".md"))


def commands(folder, runs_folder=None):
    files = yaml_files(folder)
    md = markdown_files(folder, files)
    runs = iter(range(1, 1_000_000))
    cmark = ["cmark-gfm"] + [a for e in EXTENSIONS for a in ("-e", e)] + md
    pandoc = ["pandoc", "-f", "gfm", "-t", "html5", "-s", "--metadata", "title=Stukken", "-o", "/dev/null"] + md

    # Every run writes into a new folder; all are removed once, when the script ends.
    # Why: this machine's ext4 has no journal, and then allocating an inode skips every
    # inode freed in the last 30 s (`recently_deleted`, dirty_expire_centisecs); emptying
    # the output folder right before a run made that kernel scan a fifth of A's time
    # (perf) and its system time swing from 0.2 to 1.8 s. F and P write no files at all.
    def a():
        # The folder, as a secretariat names a year's stukken (every file in it is rendered);
        # a list of N paths would add swift-argument-parser's quadratic parsing (bench/README.md).
        out = os.path.join(runs_folder or RUNS, f"a-{next(runs)}")
        result = run([BIN, "render", "-o", out, os.path.join(folder, "stukken")])
        made = sum(name.endswith(".html") for name in os.listdir(out))
        if made != len(files):
            sys.exit(f"A schreef {made} pagina's, {len(files)} verwacht")
        return result

    def b():
        out = os.path.join(runs_folder or RUNS, f"b-{next(runs)}")
        return run([BIN, "pack", os.path.join(folder, "vergadering.yaml"), "-o", out])

    return {"A": a, "F": lambda: run(cmark), "B": b, "P": lambda: run(pandoc)}


def on_tmpfs(folder):
    """A and B writing to a tmpfs (`At`, `Bt`) beside the disk's A and B (issue 26.5)."""
    cmds = commands(folder, TMPFS_RUNS)
    return {"At": cmds["A"], "Bt": cmds["B"]}


def machine():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    version = lambda cmd: subprocess.run(cmd, capture_output=True, text=True).stdout.splitlines()[0]
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": f"{mem:.0f} GiB",
        "os": platform.platform(),
        "swift": version(["swift", "--version"]),
        "cmark-gfm": version(["cmark-gfm", "--version"]),
        "pandoc": version(["pandoc", "--version"]),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--big", type=int, default=10000)
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--smoke", action="store_true", help="N=50, 1 round, no big run, no RESULTS.md")
    ap.add_argument("--no-pandoc", action="store_true")
    ap.add_argument("--dry", action="store_true", help="print only; leave bench/RESULTS.md alone")
    ap.add_argument("--no-build", action="store_true", help="measure the release build as it is")
    args = ap.parse_args()
    if args.smoke:
        args.n, args.rounds, args.big = 50, 1, 0

    for tool in ("cmark-gfm", "pandoc"):
        if not shutil.which(tool):
            sys.exit(f"{tool} ontbreekt: installeer het Debian-pakket {tool} (bash Scripts/setup.sh --bench)")
    os.makedirs(WORK, exist_ok=True)
    for folder in (RUNS, TMPFS_RUNS):
        if folder:
            shutil.rmtree(folder, ignore_errors=True)
            os.makedirs(folder)
    try:
        measure(args)
    finally:
        for folder in (RUNS, TMPFS_RUNS):
            if folder:
                shutil.rmtree(folder, ignore_errors=True)


def measure(args):
    if not args.no_build:
        print("bouwen (release)…", flush=True)
        subprocess.run(["swift", "build", "-c", "release", "--product", "stukken"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)

    folder = corpus(args.n)
    cmds = commands(folder)
    order = ["A", "F", "B"] + ([] if args.no_pandoc else ["P"])
    if TMPFS_RUNS:
        cmds.update(on_tmpfs(folder))
        order[1:1] = ["At"]
        order[4:4] = ["Bt"]
    times = {k: [] for k in order}
    rss = {k: [] for k in order}
    cpu = {k: [] for k in order}
    system = {k: [] for k in order}
    for r in range(args.rounds):
        for k in order:
            t, m, c = cmds[k]()
            system[k].append(LAST_SYSTEM_TIME[0])
            times[k].append(t)
            rss[k].append(m)
            cpu[k].append(c / t)
        ratios = [f"A/F {times['A'][-1] / times['F'][-1]:.2f}", f"B/F {times['B'][-1] / times['F'][-1]:.2f}"]
        if "P" in times:
            ratios.append(f"P/A {times['P'][-1] / times['A'][-1]:.1f}")
        print(f"ronde {r + 1}/{args.rounds}: " + "  ".join(f"{k} {times[k][-1]:.3f}s" for k in order) + "   " + "  ".join(ratios), flush=True)

    med = {k: statistics.median(v) for k, v in times.items()}
    result = {
        "n": args.n,
        "median": med,
        # Each ratio is the median of the rounds' own ratios: the commands of one round run
        # seconds apart, while this shared machine's speed drifts over minutes (measured:
        # the floor F took 0.20 s in one round and 0.41 s in another).
        "A/F": ratio(times, "A", "F"),
        "B/F": ratio(times, "B", "F"),
        "P/A": ratio(times, "P", "A") if "P" in med else None,
        "per_round": {
            name: [x / y for x, y in zip(times[a], times[b])]
            for name, a, b in (("A/F", "A", "F"), ("B/F", "B", "F"), ("P/A", "P", "A"))
            if a in times and b in times
        },
        "rss": {k: max(v) for k, v in rss.items()},
        "cpu": {k: statistics.median(v) for k, v in cpu.items()},
        "sys": {k: statistics.median(v) for k, v in system.items()},
    }
    big = None
    if args.big:
        bf = corpus(args.big)
        bc = commands(bf)
        ta, ma, ca = bc["A"]()
        tb, mb, cb = bc["B"]()
        big = {"n": args.big, "A": (ta, ma, ca / ta), "B": (tb, mb, cb / tb)}

    lines = report(result, big, machine(), args.rounds)
    print("\n".join(lines))
    if not (args.smoke or args.dry):
        with open(os.path.join(ROOT, "bench", "RESULTS.md"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


def ratio(times, a, b):
    return statistics.median(x / y for x, y in zip(times[a], times[b]))


def report(r, big, m, rounds):
    ok = lambda cond: "gehaald" if cond else "NIET gehaald"
    out = [
        "# Benchmark results",
        "",
        f"Measured by `python3 bench/bench.py` ({rounds} interleaved rounds; times are medians, each ratio the median of the rounds' ratios), N = {r['n']} voorstellen.",
        "",
        "| command | what | median | max RSS | CPU use (cores busy) | system time |",
        "|---|---|---:|---:|---:|---:|",
    ]
    what = {
        "A": "`stukken render` N files → HTML folder",
        "F": "`cmark-gfm` over stukken's Markdown (floor)",
        "B": "`stukken pack` of the meeting (full build)",
        "At": "A, writing to a tmpfs (/dev/shm) instead of the ext4 disk",
        "Bt": "B, writing to a tmpfs (/dev/shm) instead of the ext4 disk",
        "P": "`pandoc` same Markdown → standalone HTML (peer)",
    }
    for k, v in r["median"].items():
        out.append(f"| {k} | {what[k]} | {v:.3f} s | {r['rss'][k]:.0f} MB | {r['cpu'][k]:.2f} | {r['sys'][k]:.2f} s |")
    out += ["", "| ratio | value | rounds ranged | goal | |", "|---|---:|---|---|---|"]
    spread = lambda k: f"{min(r['per_round'][k]):.2f}–{max(r['per_round'][k]):.2f}"
    out.append(f"| A/F | {r['A/F']:.2f} | {spread('A/F')} | ≤ 3 | {ok(r['A/F'] <= 3)} |")
    out.append(f"| B/F | {r['B/F']:.2f} | {spread('B/F')} | ≤ 4 | {ok(r['B/F'] <= 4)} |")
    if r["P/A"] is not None:
        out.append(f"| P/A | {r['P/A']:.1f} | {spread('P/A')} | ≥ 30 | {ok(r['P/A'] >= 30)} |")
    if big:
        for k in ("A", "B"):
            t, m_, c = big[k]
            ratio = m_ / r["rss"][k]
            out.append(f"| max RSS {k}, N={big['n']} / N={r['n']} | {m_:.0f} / {r['rss'][k]:.0f} MB = {ratio:.2f} | | ≤ 2 | {ok(ratio <= 2)} |")
        out += ["", f"At N = {big['n']}: A {big['A'][0]:.2f} s (CPU {big['A'][2]:.2f}), B {big['B'][0]:.2f} s (CPU {big['B'][2]:.2f})."]
    out += ["", "PDFs, the preview, and the breakdown of disk against tmpfs: [RESULTS-pdf.md](RESULTS-pdf.md), "
            "[RESULTS-preview.md](RESULTS-preview.md), [README.md](README.md).", "", "Machine:", ""] + [f"- {k}: {v}" for k, v in m.items()]
    return out


if __name__ == "__main__":
    main()
