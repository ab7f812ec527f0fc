#!/usr/bin/env bash
# Builds a report from the example, a bundled nation (for boxes of many bodies) and the compare
# fixtures, then runs the browser tests against it at laptop and phone sizes. Screenshots are
# written to build/browser/; look at them when the report changes. Needs scripts/setup
# (chromium, npm packages, build/govmap).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/build/browser"
mkdir -p "$out"
[ -d "$here/node_modules/playwright-core" ] && [ -d "$here/node_modules/axe-core" ] ||
  { echo "browser tests: npm packages missing; run scripts/setup, or (cd tests/browser && npm ci) if node_modules predates axe-core" >&2; exit 1; }
cd "$root"
build/govmap report examples/fife/model.xml models/wales/model.xml tests/compare/merge-boards.xml \
  -o "$out" --today 2026-01-01 >/dev/null
cd "$here"
GOVMAP_REPORT="$out/report.html" GOVMAP_SCREENSHOTS="$out" node --test --test-reporter=spec report.test.mjs
