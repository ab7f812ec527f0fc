#!/bin/sh
# Regenerates every geography.xml beside an import.xml (models/<nation>/ for a dated model,
# models/<nation>/<era>/ otherwise) from its import.xml and data/raw/
# with the built govmap binary. Usage: scripts/regenerate-geography.sh [path/to/govmap]
# (default: build/govmap). tests/import_test.cpp checks that the committed files match.
set -eu
cd "$(dirname "$0")/.."
govmap=${1:-build/govmap}
if [ ! -x "$govmap" ]; then
  echo "regenerate-geography: no govmap binary at $govmap (build it, or pass its path)" >&2
  exit 2
fi
for spec in models/*/import.xml models/*/*/import.xml; do
  [ -f "$spec" ] || continue
  dir=$(dirname "$spec")
  echo "$dir/geography.xml" >&2
  "$govmap" import "$spec" -o "$dir/geography.xml"
done
