#!/usr/bin/env python3
"""Benchmark of `stukken serve`: how fast the live preview answers while someone types,
and how long "Download PDF" takes.

Usage: python3 bench/bench_preview.py [--posts 200] [--smoke] [--bin PATH] [--dry]

For every example: `stukken serve --open EXAMPLE`, the form page read and its fields posted
as the page's script does (`URLSearchParams(new FormData(form))` to `/SOORT/voorbeeld`),
POSTS times by one client, then by 8 clients at once (each its own keep-alive connection);
p50 and p99 of the time from sending the POST to the whole answer. Then the PDF of the
largest example three times: the first starts the WeasyPrint pool. Writes
bench/RESULTS-preview.md. Goals (the largest example): p99 < 20 ms with one client,
< 100 ms with 8.
"""
import argparse
import concurrent.futures
import html.parser
import http.client
import os
import statistics
import subprocess
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench as base  # noqa: E402


class Form(html.parser.HTMLParser):
    """The fields of `<form id="formulier">` as the browser would submit them."""

    def __init__(self):
        super().__init__()
        self.soort, self.pairs, self.inside, self.select, self.textarea = None, [], False, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id") == "formulier":
            self.inside, self.soort = True, a.get("data-soort")
        if not self.inside or "name" not in a and tag != "option":
            return
        if tag == "input" and a.get("type") not in ("submit", "file", "button"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.pairs.append((a["name"], a.get("value", "on" if a.get("type") == "checkbox" else "")))
        elif tag == "textarea":
            self.textarea = [a["name"], ""]
        elif tag == "select":
            self.select = [a["name"], None]
        elif tag == "option" and self.select:
            # An option without `value` submits its text.
            self.option = [a.get("value"), "selected" in a, ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data
        if getattr(self, "option", None) is not None:
            self.option[2] += data

    def handle_endtag(self, tag):
        if tag == "option" and getattr(self, "option", None) is not None and self.select is not None:
            value, selected, text = self.option
            if self.select[1] is None or selected:
                self.select[1] = value if value is not None else text.strip()
            self.option = None
        if tag == "textarea" and self.textarea is not None:
            name, text = self.textarea  # a browser drops the newline right after <textarea>
            self.pairs.append((name, text[1:] if text.startswith("\n") else text))
            self.textarea = None
        elif tag == "select" and self.select is not None:
            self.pairs.append((self.select[0], self.select[1] or ""))
            self.select = None
        elif tag == "form":
            self.inside = False


def serve(binary, example, port):
    proc = subprocess.Popen([binary, "serve", "--port", str(port), "--open", example],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            conn.request("GET", "/bestand")
            page = conn.getresponse().read().decode()
            form = Form()
            form.feed(page)
            return proc, form, len(page)
        except OSError:
            time.sleep(0.05)
    proc.kill()
    sys.exit(f"stukken serve did not start for {example}")


def client(port, path, body, posts):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    times = []
    for _ in range(posts):
        start = time.perf_counter()
        conn.request("POST", path, body=body, headers=headers)
        answer = conn.getresponse()
        answer.read()
        times.append(time.perf_counter() - start)
        if answer.status != 200:
            sys.exit(f"POST {path}: {answer.status}")
    return times


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def measure_example(binary, example, port, posts):
    proc, form, page_size = serve(binary, example, port)
    try:
        body = urllib.parse.urlencode(form.pairs).encode()
        path = f"/{form.soort}/voorbeeld"
        client(port, path, body, 20)  # warm up
        one = client(port, path, body, posts)
        with concurrent.futures.ThreadPoolExecutor(8) as ex:
            eight = [t for ts in ex.map(lambda _: client(port, path, body, posts), range(8)) for t in ts]
        pdf = []
        if example.endswith(largest_example()):
            pdf_body = urllib.parse.urlencode(form.pairs + [("actie", "pdf")]).encode()
            pdf = client_pdf(port, f"/{form.soort}", pdf_body)
        return {"example": os.path.basename(example), "page": page_size, "body": len(body), "one": one, "eight": eight,
                "pdf": pdf}
    finally:
        proc.terminate()
        proc.wait()


def client_pdf(port, path, body):
    times = []
    for _ in range(3):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        start = time.perf_counter()
        conn.request("POST", path, body=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
        answer = conn.getresponse()
        data = answer.read()
        times.append(time.perf_counter() - start)
        if answer.status != 200 or not data.startswith(b"%PDF"):
            sys.exit(f"PDF: {answer.status}")
    return times


def largest_example():
    return "notitie-doorontwikkeling-ivz.yaml"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--posts", type=int, default=200)
    ap.add_argument("--bin", default=base.BIN)
    ap.add_argument("--smoke", action="store_true", help="20 posts, two examples, no RESULTS-preview.md")
    ap.add_argument("--dry", action="store_true")
    args = ap.parse_args()
    examples = sorted(os.path.join(base.ROOT, "examples", f) for f in os.listdir(os.path.join(base.ROOT, "examples"))
                      if f.endswith(".yaml"))
    if args.smoke:
        args.posts = 20
        examples = [e for e in examples if e.endswith(("ab-ts-s.yaml", largest_example()))]
    if args.bin == base.BIN:
        subprocess.run(["swift", "build", "-c", "release", "--product", "stukken"], cwd=base.ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    results = []
    for i, example in enumerate(examples):
        results.append(measure_example(args.bin, example, 18600 + i, args.posts))
        r = results[-1]
        print(f"{r['example']}: 1 client p99 {percentile(r['one'], 99) * 1000:.1f} ms, "
              f"8 clients p99 {percentile(r['eight'], 99) * 1000:.1f} ms", flush=True)
    lines = report(results, args.posts)
    print("\n".join(lines))
    if not (args.smoke or args.dry):
        with open(os.path.join(base.ROOT, "bench", "RESULTS-preview.md"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


def report(results, posts):
    ms = lambda v: f"{v * 1000:.1f}"
    uptime = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    out = [
        "# Preview benchmark results",
        "",
        f"Measured by `python3 bench/bench_preview.py`: per example {posts} preview POSTs by one client, then "
        f"{posts} by each of 8 concurrent clients (keep-alive), time from sending to the whole answer. "
        f"Machine load during the run: `{uptime}`.",
        "",
        "| example | form page | POST body | 1 client p50 | 1 client p99 | 8 clients p50 | 8 clients p99 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        out.append(f"| {r['example']} | {r['page'] // 1024} KB | {r['body'] // 1024} KB | {ms(statistics.median(r['one']))} ms "
                   f"| {ms(percentile(r['one'], 99))} ms | {ms(statistics.median(r['eight']))} ms "
                   f"| {ms(percentile(r['eight'], 99))} ms |")
    big = next(r for r in results if r["example"] == largest_example())
    ok = lambda cond: "gehaald" if cond else "NIET gehaald"
    p1, p8 = percentile(big["one"], 99), percentile(big["eight"], 99)
    out += [
        "",
        f"Largest example ({largest_example()}): p99 {ms(p1)} ms with one client (goal < 20 ms: {ok(p1 < 0.020)}), "
        f"{ms(p8)} ms with 8 (goal < 100 ms: {ok(p8 < 0.100)}).",
        "",
        "\"Download PDF\" of the largest example, three times in a row (the first starts the WeasyPrint pool): "
        + ", ".join(f"{t:.2f} s" for t in big["pdf"]) + ".",
    ]
    return out


if __name__ == "__main__":
    main()
