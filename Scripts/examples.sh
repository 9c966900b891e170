#!/usr/bin/env bash
# Sets up what is needed, builds stukken and renders every example to out/ (HTML and Markdown).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup.sh
swift build -c release
bin=.build/release/stukken
mkdir -p out
"$bin" check examples/*.yaml
"$bin" render examples/*.yaml -o out
"$bin" render examples/*.yaml --format markdown -o out
echo "Klaar: $(ls out | wc -l) bestanden in out/ (open out/ab-ts-s.html in een browser)."
echo "Zo ziet een fout eruit:"
"$bin" check examples/fout/voorstel-met-fouten.yaml || true
