#!/usr/bin/env bash
# Builds the .deb with CPack into a temporary folder and checks its contents and dependencies.
# Usage: tests/install/package.sh CPACK BUILD_DIR (run by ctest as the "package" test).
set -euo pipefail
cpack=$1
build=$(cd "$2" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/govmap-package-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail() { echo "package test: FAILED: $*" >&2; exit 1; }

"$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$tmp" >"$tmp/log" 2>&1 || { cat "$tmp/log" >&2; fail "cpack failed"; }
debs=("$tmp"/govmap_*.deb)
[ -f "${debs[0]}" ] || fail "cpack made no govmap_*.deb"
dpkg-deb -c "${debs[0]}" | awk '{print $6}' >"$tmp/contents"
for f in ./usr/bin/govmap ./usr/share/govmap/models/vocabulary.xml ./usr/share/govmap/models/FORMAT.md \
         ./usr/share/govmap/models/schema/govmap-1.xsd ./usr/share/govmap/models/england/model.xml \
         ./usr/share/govmap/models/wales/geography.xml ./usr/share/doc/govmap/README.md \
         ./usr/share/man/man1/govmap.1 ./usr/share/bash-completion/completions/govmap; do
  grep -qxF "$f" "$tmp/contents" || fail "the package does not hold $f"
done
depends=$(dpkg-deb -f "${debs[0]}" Depends)
for lib in libgvc6 libcgraph6 libpugixml1v5 libfmt9; do
  [[ "$depends" == *"$lib"* ]] || fail "the package does not depend on $lib (Depends: $depends)"
done
echo "package test: ok: $(basename "${debs[0]}"), $(wc -l <"$tmp/contents") entries"
