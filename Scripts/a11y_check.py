#!/usr/bin/python3
"""Checks every HTML page under a folder with the W3C Nu HTML Checker and with axe-core in
headless Chromium, prints one row per page, and exits 1 on a regression.

Run by Scripts/a11y-check.sh (which renders the pages first). Must run under /usr/bin/python3:
Debian's python3-selenium is importable only there.

Fails on: any Nu checker error; any axe violation of impact serious or critical; a moderate
violation whose rule is not listed (as `rule-id`) in docs/toegankelijkheid.md, "Accepted moderate axe findings".
Minor violations are printed, not fatal. Colour contrast is checked twice: once as the
screen shows the page, once with print media emulated (the PDF and paper styles).
"""
import json
import os
import re
import subprocess
import sys
import urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

IMPACTS = ["critical", "serious", "moderate", "minor"]


def accepted_moderate_rules(doc):
    """The axe rule ids docs/toegankelijkheid.md accepts, each with a reason."""
    text = open(doc, encoding="utf-8").read()
    section = re.search(r"^## Accepted moderate axe findings.*?(?=^## |\Z)", text, re.S | re.M)
    if not section:
        return set()
    return set(re.findall(r"^- `([a-z0-9-]+)`\s*\S", section.group(0), re.M))


def nu_errors(vnu, pages):
    """Errors per page from one run of vnu.jar over all pages (one JVM start, ~2 s)."""
    run = subprocess.run(
        ["java", "-jar", vnu, "--errors-only", "--format", "json", *pages],
        capture_output=True, text=True)
    try:
        messages = json.loads(run.stderr or run.stdout)["messages"]
    except (ValueError, KeyError):
        sys.exit(f"a11y: vnu.jar did not answer in JSON (exit {run.returncode}):\n{run.stderr[:2000]}")
    found = {p: [] for p in pages}
    for m in messages:
        path = os.path.realpath(urllib.parse.unquote(m.get("url", "").removeprefix("file:")))
        # A message for a file we did not name (or a non-document error) still counts.
        found.setdefault(path, []).append(m)
    return found


def browser():
    options = Options()
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1024", "--lang=nl"]:
        options.add_argument(arg)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def axe(driver, axe_js, page, only=None):
    driver.get("file://" + page)
    driver.execute_script(axe_js)
    run_options = {"resultTypes": ["violations"]}
    if only:
        run_options["runOnly"] = {"type": "rule", "values": only}
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, arguments[0]).then(r => done(r.violations), e => done({error: String(e)}));",
        run_options)
    if isinstance(result, dict) and "error" in result:
        sys.exit(f"a11y: axe-core failed on {page}: {result['error']}")
    return result


def set_media(driver, media):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})


def main():
    if len(sys.argv) != 5:
        sys.exit("usage: a11y_check.py PAGES-DIR vnu.jar axe.min.js docs/toegankelijkheid.md")
    root, vnu, axe_path, doc = sys.argv[1:]
    root = os.path.realpath(root)
    pages = sorted(
        os.path.join(d, f) for d, _, files in os.walk(root) for f in files if f.endswith(".html"))
    if not pages:
        sys.exit(f"a11y: no HTML pages under {root}")
    axe_js = open(axe_path, encoding="utf-8").read()
    accepted = accepted_moderate_rules(doc)

    canary = os.path.join(os.path.dirname(os.path.realpath(__file__)), "..", "Tests", "A11y", "kapot.html")
    canary = os.path.realpath(canary)
    nu = nu_errors(vnu, pages + [canary])
    driver = browser()
    rows, failures, notes = [], [], []
    try:
        # A check that cannot fail proves nothing: both checkers must see the canary's faults.
        canary_nu = [m.get("message", "") for m in nu.pop(canary, [])]
        canary_axe = {v["id"] for v in axe(driver, axe_js, canary)}
        if not any("align" in m for m in canary_nu) or "label" not in canary_axe:
            sys.exit(f"a11y: the checkers missed the faults in {canary} "
                     f"(nu: {canary_nu}, axe: {sorted(canary_axe)}): the check itself is broken")
        for page in pages:
            name = os.path.relpath(page, root)
            set_media(driver, "screen")
            violations = axe(driver, axe_js, page)
            # Print styles: only contrast depends on the medium in what axe checks.
            set_media(driver, "print")
            for v in axe(driver, axe_js, page, only=["color-contrast"]):
                v = dict(v, id=v["id"] + " (print)")
                violations.append(v)
            counts = {i: 0 for i in IMPACTS}
            for v in violations:
                impact = v.get("impact") or "minor"
                counts[impact] += len(v["nodes"])
                fatal = impact in ("critical", "serious") or (
                    impact == "moderate" and v["id"].removesuffix(" (print)") not in accepted)
                if fatal or impact == "moderate":
                    where = "; ".join(" ".join(n["target"]) if isinstance(n["target"][0], str)
                                      else str(n["target"]) for n in v["nodes"][:3])
                    line = f"{name}: axe {impact} {v['id']}: {v['help']} [{where}]"
                    (failures if fatal else notes).append(line)
            for m in nu.get(page, []):
                failures.append(f"{name}:{m.get('lastLine', '?')}: nu {m.get('type')}: {m.get('message')}")
            rows.append((name, len(nu.get(page, [])), counts))
    finally:
        driver.quit()

    for path, messages in nu.items():
        if path not in pages:
            failures += [f"{path}: nu {m.get('type')}: {m.get('message')}" for m in messages]

    width = max(len(r[0]) for r in rows)
    print(f"{'page':<{width}}  nu  critical serious moderate minor")
    for name, n, c in rows:
        print(f"{name:<{width}}  {n:>2}  {c['critical']:>8} {c['serious']:>7} {c['moderate']:>8} {c['minor']:>5}")
    print(f"{len(rows)} pages; moderate rules accepted by docs/toegankelijkheid.md: "
          f"{', '.join(sorted(accepted)) or 'none'}")
    for n in notes:
        print("  accepted: " + n)
    if failures:
        print("\nFAILED:", file=sys.stderr)
        for f in failures:
            print("  " + f, file=sys.stderr)
        sys.exit(1)
    print("a11y: every page valid (Nu) and without serious, critical or unlisted moderate axe violations")


if __name__ == "__main__":
    main()
