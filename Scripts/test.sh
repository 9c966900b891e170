#!/usr/bin/env bash
# Sets up what is needed and runs every test (Swift Testing).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup.sh
swift build --build-tests
swift test --skip-build --disable-xctest
