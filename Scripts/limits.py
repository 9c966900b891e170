#!/usr/bin/env python3
"""Measures pathological inputs at the size limit (docs/garanties-en-limieten.md, "Limits").

    swift build -c release && python3 Scripts/limits.py [BINARY]

Writes one voorstel per pattern into a temporary folder, its `toelichting` the pattern
repeated up to the file size limit, and prints a Markdown table: size, rendered or refused,
best-of-3 wall time and CPU time of `stukken render`.
"""
import glob, os, resource, subprocess, sys, tempfile, time

LIMIT = 262_144
HEAD = """soort: voorstel
orgaan: AB
onderwerp: Test
agendapunt: E3
datum: 2016-10-10
openbaar: ja
behandeld_door: H. Meuleman
portefeuillehouder: Burgemeester Hofland
voorstel:
  - Instemmen
toelichting: |
"""

def doc(md):
    return HEAD + "".join("  " + l + "\n" for l in md.split("\n"))

def fit(unit):
    """`unit` repeated so the whole file stays under the limit (lines get 2 spaces of indent)."""
    per = len(unit.encode()) + unit.count("\n") * 2
    return unit * max(1, (LIMIT - len(HEAD) - 200) // per)

CASES = {
    "table-64x300": "|" + "a|" * 64 + "\n|" + "-|" * 64 + "\n" + ("|" + "x|" * 64 + "\n") * 300,
    "table-64-columns-short-rows": "|" + "a|" * 64 + "\n|" + "-|" * 64 + "\n" + "x\n" * 310,
    "table-1000-columns (refused)": "|" + "a|" * 1000 + "\n|" + "-|" * 1000 + "\n" + "x\n" * 10000,
    "lists-16-deep (refused)": fit("- " * 16 + "x\n"),
    "lists-8-deep": fit("- " * 8 + "x\n"),
    "quotes-8-deep": fit("> " * 8 + "x\n"),
    "a@a@a (refused)": fit("a@"),
    "footnote-references (refused)": fit("[^1]") + "\n\n[^1]: x",
    "brackets [[[ (refused)": fit("["),
    "strikethrough ~a": fit("~a "),
    "emphasis *a **a": fit("*a **a "),
    "links [a](b": fit("[a](b "),
    "backticks a``": fit("a``"),
    "less-than <<<": fit("<"),
    "empty list items": fit("-\n"),
    "list items": fit("- x\n"),
    "*_*_": fit("*_"),
    "www.www.": fit("www."),
    "entities &amp;": fit("&amp;"),
    "raw HTML <a>": fit("<a>"),
    "headings # x": fit("# x\n"),
    "fences ```": fit("```\n"),
    "link definitions [x]: y": fit("[x]: y\n"),
    "plain text": fit("Gewone tekst met woorden. "),
}

def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else ".build/release/stukken"
    folder = tempfile.mkdtemp(prefix="stukken-limits-")
    rows = []
    for name, markdown in CASES.items():
        path = os.path.join(folder, "case.yaml")
        with open(path, "w") as f:
            f.write(doc(markdown))
        best = None
        for _ in range(3):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.time()
            p = subprocess.run([binary, "render", path, "-o", os.path.join(folder, "out.html")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wall = time.time() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
            if best is None or wall < best[0]:
                best = (wall, cpu, p.returncode)
        rows.append((name, os.path.getsize(path), "refused" if best[2] else "rendered", best[0], best[1]))
    print("| input | bytes | outcome | wall s | CPU s |")
    print("|---|---|---|---|---|")
    for r in sorted(rows, key=lambda r: -r[3]):
        print("| %s | %d | %s | %.2f | %.2f |" % r)

main()
