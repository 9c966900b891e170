#!/usr/bin/env bash
# Sets up what is needed, builds stukken and renders every example to out/ (HTML, Markdown, PDF).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup.sh
swift build -c release
bin=.build/release/stukken
mkdir -p out
"$bin" check examples/*.yaml
"$bin" render examples/*.yaml -o out
"$bin" render examples/*.yaml --format markdown -o out
"$bin" render examples/*.yaml --format pdf -o out
"$bin" render examples/dvo-doorontwikkeling-ivz.yaml --format pdf --voorblad -o out/dvo-doorontwikkeling-ivz-voorblad.pdf
"$bin" pack examples/vergadering/vergadering.yaml -o out/pakket
echo "Klaar: $(ls out | wc -l) bestanden in out/ (open out/ab-ts-s.html of out/pakket/index.html in een browser)."
echo "Zo ziet een fout eruit:"
"$bin" check examples/fout/voorstel-met-fouten.yaml || true
