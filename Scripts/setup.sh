#!/usr/bin/env bash
# Installs the Debian packages stukken needs, only those that are missing.
# Build: libcmark-gfm (+ extensions). PDF and its tests: weasyprint, poppler-utils, and
# fonts-liberation2 (Liberation Sans, metric-compatible with the originals' Arial; without
# it WeasyPrint falls back to whatever sans-serif the machine has, and PDFs differ per machine).
# DiWoo metadata tests: libxml2-utils (xmllint against the XSD). Pack tests: unzip (Info-ZIP checks our ZIP).
# The browser test of `stukken serve`: chromium, chromium-driver, python3-selenium.
# hyphen-nl: Dutch hyphenation patterns, for `hyphens: auto` in the narrow headings of a wide
# data table (WeasyPrint's pyphen has no Dutch without it, and breaks words anywhere).
set -euo pipefail
packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev zlib1g-dev weasyprint poppler-utils fonts-liberation2 libxml2-utils
  unzip chromium chromium-driver python3-selenium hyphen-nl)
python_modules=(jsonschema yaml pypdf)
# The benchmark (bench/bench.py) compares with the cmark-gfm tool and pandoc.
[ "${1:-}" = "--bench" ] && packages+=(cmark-gfm pandoc)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo_=""
  [ "$(id -u)" -eq 0 ] || sudo_="sudo"
  $sudo_ apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "setup: Swift 6 is needed (swift.org)" >&2; exit 1; }
# The JSON Schema test validates examples with Python's jsonschema and PyYAML; the PDF
# tests read bookmarks and the document catalog with pypdf.
for m in "${python_modules[@]}"; do
  python3 -c "import $m" 2>/dev/null || { pip_name=$m; [ "$m" = yaml ] && pip_name=pyyaml; python3 -m pip install -q "$pip_name"; }
done
