#!/usr/bin/env bash
# Builds a report from the example and the compare fixtures and a bundled model, then runs
# the browser tests against it. Needs scripts/setup (chromium, npm packages, build/govmap).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/build/browser"
mkdir -p "$out"
[ -d "$here/node_modules/playwright-core" ] || { echo "browser tests: run scripts/setup first (npm packages missing)" >&2; exit 1; }
cd "$root"
build/govmap report examples/fife/model.xml tests/compare/merge-boards.xml -o "$out" --today 2026-01-01 >/dev/null
cd "$here"
GOVMAP_REPORT="$out/report.html" GOVMAP_SCREENSHOT="$out/report.png" node --test --test-reporter=spec report.test.mjs
