#!/usr/bin/env python3
"""Benchmark of the PDFs of a meeting: `stukken pack --pdf` against one process per PDF and
against WeasyPrint's own floor.

Usage: python3 bench/bench_pdf.py [--items 40] [--rounds 3] [--smoke] [--bin PATH] [--dry]

1. Generates a meeting of ITEMS agendapunten, each a voorstel (bench.py's generator, all
   openbaar) with two bijlagen: a notitie in YAML and a PDF.
2. Times, interleaved, each run in a fresh folder:
     K  `stukken pack --pdf` of the meeting: every page's PDF and the combined meeting PDF
        (on the WeasyPrint pool)
     S  the same PDFs but the combined one, one `stukken render --format pdf` process each,
        two at a time (what a script around stukken did before the pool)
     W  the floor: WeasyPrint's own time for exactly the HTML pages K gave it (captured once
        through a wrapping Python), with our driver, in one process per core, longest first
3. Reports medians, K/S (goal ≤ 0.5), K/W (goal ≤ 1.5), the peak memory of K's whole
   process tree (stukken and its workers) and where K's time goes; writes
   bench/RESULTS-pdf.md.
"""
import argparse
import concurrent.futures
import glob
import os
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench as base  # noqa: E402
from treemem import run_tree  # noqa: E402

ROOT = base.ROOT
WORK = os.path.join(base.WORK, "pdf")
PDF_BIJLAGE = os.path.join(ROOT, "examples", "vergadering", "bijlagen", "routekaart-tss.pdf")


def notitie(i, rng):
    body = []
    for _ in range(rng.randint(3, 6)):
        body += ["## " + base.sentence(rng, 4)[:-1], "", base.paragraph(rng), "", base.paragraph(rng), ""]
    lines = [
        "soort: notitie",
        "openbaar: ja",
        f"titel: {base.quoted('Notitie ' + base.sentence(rng, 4)[:-1])}",
        "datum: 2016-10-10",
        "bij:",
        f"  onderwerp: {base.quoted('Agendapunt ' + str(i))}",
        "  orgaan: AB",
        f"  agendapunt: E{i}",
        "inhoud: |",
    ] + ["  " + line if line else "" for line in body]
    return "\n".join(lines) + "\n"


def meeting(items):
    """The meeting folder; made once per size (deterministic)."""
    folder = os.path.join(WORK, f"vergadering-{items}")
    if os.path.exists(os.path.join(folder, ".complete")):
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(os.path.join(folder, "stukken"))
    rng = base.random.Random(20161010)
    agenda = []
    for i in range(1, items + 1):
        text = base.voorstel(i, rng).replace("openbaar: nee", "openbaar: ja")
        text = "\n".join(line for line in text.split("\n") if not line.startswith("openbare_titel:"))
        head, tail = text.split("bijlagen:\n", 1)
        tail = tail.split("\n", 1)[1]  # the generator's one bijlage title
        bijlagen = (
            "bijlagen:\n"
            f"  - titel: Notitie bij agendapunt E{i}\n    bestand: e{i:03d}-notitie.yaml\n"
            f"  - titel: Routekaart bij agendapunt E{i}\n    bestand: e{i:03d}-routekaart.pdf\n"
        )
        with open(os.path.join(folder, "stukken", f"e{i:03d}.yaml"), "w", encoding="utf-8") as f:
            f.write(head + bijlagen + tail)
        with open(os.path.join(folder, "stukken", f"e{i:03d}-notitie.yaml"), "w", encoding="utf-8") as f:
            f.write(notitie(i, rng))
        shutil.copy(PDF_BIJLAGE, os.path.join(folder, "stukken", f"e{i:03d}-routekaart.pdf"))
        agenda.append(f"  - stuk: stukken/e{i:03d}.yaml")
    with open(os.path.join(folder, "vergadering.yaml"), "w", encoding="utf-8") as f:
        f.write("soort: vergadering\norgaan: AB\ndatum: 2016-10-10\nagenda:\n" + "\n".join(agenda) + "\n")
    open(os.path.join(folder, ".complete"), "w").close()
    return folder


def python_of_weasyprint():
    with open(shutil.which("weasyprint"), encoding="utf-8") as f:
        return f.readline()[2:].split()[0]


CAPTURE = """#!{python}
# Bench only: runs stukken's WeasyPrint worker, copying every page it is given to {pages}
# and the driver's source to {pages}/driver.py (for the floor W).
import os, sys
args = sys.argv[1:]
source = args[args.index('-c') + 1]
open(os.path.join({pages!r}, 'driver.py'), 'w').write(source)
hook = '''
_main = main
def main(page, *rest):
    import shutil, time
    shutil.copy(page, os.path.join({pages!r}, '%d.html' % time.monotonic_ns()))
    return _main(page, *rest)
'''
source = source.replace("\\nif __name__ == '__main__':", hook + "\\nif __name__ == '__main__':")
os.execv({python!r}, [{python!r}] + args[:args.index('-c') + 1] + [source] + args[args.index('-c') + 2:])
"""


def capture_pages(binary, folder, runs):
    """The HTML pages and driver K gives WeasyPrint, via STUKKEN_PYTHON."""
    pages = os.path.join(WORK, "pages")
    shutil.rmtree(pages, ignore_errors=True)
    os.makedirs(pages)
    wrapper = os.path.join(WORK, "capture-python")
    with open(wrapper, "w", encoding="utf-8") as f:
        f.write(CAPTURE.format(python=python_of_weasyprint(), pages=pages))
    os.chmod(wrapper, 0o755)
    env = dict(os.environ, STUKKEN_PYTHON=wrapper)
    out = os.path.join(runs, "capture")
    subprocess.run([binary, "pack", os.path.join(folder, "vergadering.yaml"), "-o", out, "--pdf"], env=env,
                   check=True, stdout=subprocess.DEVNULL)
    return pages


FLOOR = """
import json, os, sys, time
source = open(sys.argv[1]).read().split("\\nif __name__ == '__main__':")[0]
exec(compile(source, 'driver', 'exec'))
for page in sys.argv[3:]:
    name = os.path.join(sys.argv[2], os.path.basename(page))
    main(page, name + '.pdf', name + '.json')
"""


def floor(pages, runs, cores):
    """W: every captured page through our driver, one process per core, longest first."""
    files = sorted(glob.glob(os.path.join(pages, "*.html")), key=os.path.getsize, reverse=True)
    shares = [[] for _ in range(cores)]
    loads = [0] * cores
    for page in files:  # greedy by size: the combined page alone on one core
        k = loads.index(min(loads))
        shares[k].append(page)
        loads[k] += os.path.getsize(page)
    out = os.path.join(runs, f"w-{time.monotonic_ns()}")
    os.makedirs(out)
    env = dict(os.environ, SOURCE_DATE_EPOCH="0", LC_ALL="C.UTF-8")
    cmds = [[python_of_weasyprint(), "-I", "-B", "-c", FLOOR, os.path.join(pages, "driver.py"), out] + share
            for share in shares if share]
    return run_tree(cmds, env=env)


BREAKDOWN = """
import os, sys, time
source = open(sys.argv[1]).read().split("\\nif __name__ == '__main__':")[0]
exec(compile(source, 'driver', 'exec'))
for page in sys.argv[3:]:
    name = os.path.join(sys.argv[2], os.path.basename(page))
    start = time.perf_counter()
    main(page, name + '.pdf', name + '.json')
    print(page, time.perf_counter() - start)
"""


def breakdown(binary, folder, pages, runs):
    """Where K's time goes: WeasyPrint per page kind, serial in one warm process, and
    stukken's own work (the same pack without --pdf)."""
    out = os.path.join(runs, f"d-{time.monotonic_ns()}")
    os.makedirs(out)
    files = sorted(glob.glob(os.path.join(pages, "*.html")), key=os.path.getsize, reverse=True)
    env = dict(os.environ, SOURCE_DATE_EPOCH="0", LC_ALL="C.UTF-8")
    cmd = [python_of_weasyprint(), "-I", "-B", "-c", BREAKDOWN, os.path.join(pages, "driver.py"), out] + files
    lines = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout.splitlines()
    seconds = {page: float(t) for page, t in (line.rsplit(" ", 1) for line in lines)}
    kinds = {}
    for page in files:
        with open(page, encoding="utf-8") as f:
            kind = f.read().split("<body", 1)[1].split('class="', 1)[1].split('"', 1)[0].split()[0]
        kinds.setdefault("combined" if kind == "bundel" else kind, []).append(seconds[page])
    html_only, _ = run_tree([[binary, "pack", os.path.join(folder, "vergadering.yaml"), "-o",
                              os.path.join(runs, f"h-{time.monotonic_ns()}")]])
    return {k: (len(v), sum(v)) for k, v in kinds.items()}, html_only


def one_by_one(binary, folder, runs, parallel=2):
    """S: every PDF the pack makes but the combined one, one render process each, two at a time."""
    out = os.path.join(runs, f"s-{time.monotonic_ns()}")
    os.makedirs(out)
    files = sorted(glob.glob(os.path.join(folder, "stukken", "*.yaml")))
    cmds = [[binary, "render", f, "--format", "pdf", "-o", os.path.join(out, os.path.basename(f)[:-5] + ".pdf")]
            for f in files]
    return run_tree(cmds, parallel=parallel)


def pack(binary, folder, runs):
    out = os.path.join(runs, f"k-{time.monotonic_ns()}")
    return run_tree([[binary, "pack", os.path.join(folder, "vergadering.yaml"), "-o", out, "--pdf"]])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=40)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--bin", default=base.BIN, help="the stukken to measure (default: the release build)")
    ap.add_argument("--smoke", action="store_true", help="3 items, 1 round, no RESULTS-pdf.md")
    ap.add_argument("--dry", action="store_true", help="print only")
    args = ap.parse_args()
    if args.smoke:
        args.items, args.rounds = 3, 1
    if not shutil.which("weasyprint"):
        sys.exit("weasyprint ontbreekt: bash Scripts/setup.sh")
    if args.bin == base.BIN:
        subprocess.run(["swift", "build", "-c", "release", "--product", "stukken"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    runs = os.path.join(WORK, "runs")
    shutil.rmtree(runs, ignore_errors=True)
    os.makedirs(runs)
    try:
        lines = measure(args, runs)
    finally:
        shutil.rmtree(runs, ignore_errors=True)
    print("\n".join(lines))
    if not (args.smoke or args.dry):
        with open(os.path.join(ROOT, "bench", "RESULTS-pdf.md"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


def measure(args, runs):
    folder = meeting(args.items)
    cores = os.cpu_count() or 1
    pages = capture_pages(args.bin, folder, runs)
    times = {"K": [], "S": [], "W": []}
    memory = {"K": [], "S": [], "W": []}
    for r in range(args.rounds):
        for key, make in (("K", lambda: pack(args.bin, folder, runs)), ("S", lambda: one_by_one(args.bin, folder, runs)),
                          ("W", lambda: floor(pages, runs, cores))):
            seconds, peak = make()
            times[key].append(seconds)
            memory[key].append(peak)
        print(f"ronde {r + 1}/{args.rounds}: " + "  ".join(f"{k} {v[-1]:.2f}s" for k, v in times.items()), flush=True)
    return report(args, times, memory, pages, cores) + breakdown_lines(*breakdown(args.bin, folder, pages, runs))


def breakdown_lines(kinds, html_only):
    total = sum(t for _, t in kinds.values())
    parts = ", ".join(f"{k} {n}× {t:.2f} s" for k, (n, t) in sorted(kinds.items(), key=lambda kv: -kv[1][1]))
    return [
        "",
        f"Where K's time goes: WeasyPrint alone, serial in one warm process, {total:.2f} s: {parts}. "
        f"The same pack without `--pdf` (stukken's own work: pages, copies, ZIP): {html_only:.2f} s. "
        "The combined PDF is one serial layout no pool can shorten; the page PDFs share the other core(s).",
    ]


def report(args, times, memory, pages, cores):
    med = {k: statistics.median(v) for k, v in times.items()}
    ks = statistics.median(k / s for k, s in zip(times["K"], times["S"]))
    kw = statistics.median(k / w for k, w in zip(times["K"], times["W"]))
    sizes = sorted((os.path.getsize(p) for p in glob.glob(os.path.join(pages, "*.html"))), reverse=True)
    ok = lambda cond: "gehaald" if cond else "NIET gehaald"
    uptime = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    return [
        "# PDF benchmark results",
        "",
        f"Measured by `python3 bench/bench_pdf.py` ({args.rounds} interleaved rounds, medians; each ratio the median "
        f"of the rounds' ratios): a meeting of {args.items} agendapunten, each a voorstel with a YAML notitie and a PDF "
        f"as bijlagen: {len(sizes) - 1} page PDFs plus the combined PDF ({sizes[0] // 1024} KB of HTML; the other pages "
        f"{sum(sizes[1:]) // 1024} KB together). Machine load during the run: `{uptime}`.",
        "",
        "| command | what | median | rounds | peak memory (process tree) |",
        "|---|---|---:|---|---:|",
        f"| K | `stukken pack --pdf` (pages' PDFs + combined PDF, WeasyPrint pool) | {med['K']:.2f} s | "
        f"{', '.join(f'{t:.2f}' for t in times['K'])} | {max(memory['K']):.0f} MB |",
        f"| S | the same PDFs without the combined one, one `stukken render --format pdf` process each, two at a time "
        f"| {med['S']:.2f} s | {', '.join(f'{t:.2f}' for t in times['S'])} | {max(memory['S']):.0f} MB |",
        f"| W | floor: WeasyPrint (our driver) on K's HTML pages, {cores} processes (one per core), longest first "
        f"| {med['W']:.2f} s | {', '.join(f'{t:.2f}' for t in times['W'])} | {max(memory['W']):.0f} MB |",
        "",
        "| ratio | value | goal | |",
        "|---|---:|---|---|",
        f"| K/S | {ks:.2f} | ≤ 0.5 | {ok(ks <= 0.5)} |",
        f"| K/W | {kw:.2f} | ≤ 1.5 | {ok(kw <= 1.5)} |",
    ]


if __name__ == "__main__":
    main()
