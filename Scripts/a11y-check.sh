#!/usr/bin/env bash
# Renders every page stukken produces (each example of every kind, the public pack, the
# members' pack of examples/vergadering and the home page of stukken site) and checks them
# all with the W3C Nu HTML Checker and axe-core in headless Chromium (Scripts/a11y_check.py).
# Exit 1 on any regression.
# CI runs this after the tests (.ci/run); Scripts/setup-a11y.sh installs what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup-a11y.sh
swift build --product stukken
bin="$(swift build --show-bin-path)/stukken"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mkdir -p "$out/voorbeelden"
"$bin" render examples/*.yaml Tests/A11y/*.yaml -o "$out/voorbeelden/"
# The blank formats (stukken new KIND --format html), bijlage 4 as the notitie carries it,
# and a filled form with its hulpvragen.
mkdir -p "$out/leeg"
for kind in projectopdracht projectplan evaluatie voorstel; do
  "$bin" new "$kind" --format html -o "$out/leeg/$kind.html"
done
"$bin" new projectopdracht --format html --bijlage 4 -o "$out/leeg/bijlage-4.html"
"$bin" render examples/projectplan-woninginbraken.yaml --met-hulpvragen -o "$out/leeg/projectplan-met-hulpvragen.html"
# The public pack as it is published: with --woo (JSON-LD in every page), in a web root,
# behind the home page that stukken site writes there.
"$bin" pack examples/vergadering/vergadering.yaml --woo -o "$out/site/ab/2016-10-10"
"$bin" site "$out/site" --basis-url https://stukken.vrt.nl/
"$bin" pack examples/vergadering/vergadering.yaml --besloten -o "$out/pakket-besloten"
# The web form (stukken serve): each kind's form page and the start page, fetched from a
# server on a free loopback port and saved with its stylesheet beside it.
mkdir -p "$out/formulieren"
"$bin" serve --port 0 > "$out/serve.log" 2>&1 &
serve_pid=$!
trap 'kill $serve_pid 2>/dev/null || true; rm -rf "$out"' EXIT
url=""
for _ in $(seq 100); do
  url=$(grep -o "http://127.0.0.1:[0-9]*" "$out/serve.log" | head -1 || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "a11y: stukken serve did not start"; cat "$out/serve.log"; exit 1; }
/usr/bin/python3 - "$url" "$out/formulieren" <<'PY'
import sys, urllib.request
url, folder = sys.argv[1], sys.argv[2]
get = lambda path: urllib.request.urlopen(url + path).read()
open(f"{folder}/formulier.css", "wb").write(get("/formulier.css"))
for name, path in [("start", "/")] + [(k, "/" + k) for k in ("voorstel", "memo", "notitie", "projectopdracht", "projectplan", "evaluatie")]:
    html = get(path).replace(b'href="/formulier.css"', b'href="formulier.css"')
    open(f"{folder}/{name}.html", "wb").write(html)
PY
kill $serve_pid 2>/dev/null || true
/usr/bin/python3 Scripts/a11y_check.py "$out" .build-a11y/vnu.jar .build-a11y/axe.min.js docs/toegankelijkheid.md
