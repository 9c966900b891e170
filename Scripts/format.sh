#!/usr/bin/env bash
# Formats every Swift file as .swift-format says, then lints strictly (what CI runs).
# `bash Scripts/format.sh --lint` only checks (exit 1 on any finding) and changes nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${1:-}" = "--lint" ] || swift format format --in-place --recursive Sources Tests
swift format lint --strict --recursive Sources Tests
