#!/usr/bin/env bash
# Renders every page stukken produces (each example of every kind, the public pack and the
# members' pack of examples/vergadering) and checks them all with the W3C Nu HTML Checker
# and axe-core in headless Chromium (Scripts/a11y_check.py). Exit 1 on any regression.
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
"$bin" pack examples/vergadering/vergadering.yaml -o "$out/pakket-openbaar"
"$bin" pack examples/vergadering/vergadering.yaml --besloten -o "$out/pakket-besloten"
/usr/bin/python3 Scripts/a11y_check.py "$out" .build-a11y/vnu.jar .build-a11y/axe.min.js README.md
