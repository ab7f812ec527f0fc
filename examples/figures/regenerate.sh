#!/bin/sh
# Renders each nation's funding-and-accountability figure to examples/figures/:
#   <nation>-2017.svg     from models/<nation>/2017/model.xml (England only: the NAO-era structure)
#   <nation>-2021.svg     from models/<nation>/2021/model.xml
#   <nation>-current.svg  from models/<nation>/current/model.xml
# A nation with one dated model (models/<nation>/model.xml) is drawn from it at 2021-12-01
# (<nation>-2021.svg) and at its own as-of date (<nation>-current.svg); a 2017 model beside it
# (England's) is drawn as well.
# Missing models are skipped with a message. Review the SVGs (and `git diff`) before
# committing: tests/render_test.cpp checks the committed files against fresh output.
# Usage: examples/figures/regenerate.sh [path/to/govmap]   (default: build/govmap)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
govmap=${1:-"$root/build/govmap"}
if [ ! -x "$govmap" ]; then
  echo "regenerate.sh: no govmap binary at $govmap; build it or pass its path" >&2
  exit 2
fi
cd "$root"
for nation in england wales scotland northern-ireland; do
  dated="models/$nation/model.xml"
  if [ -f "$dated" ]; then
    "$govmap" render "$dated@2021-12-01" -o "examples/figures/$nation-2021.svg"
    "$govmap" render "$dated" -o "examples/figures/$nation-current.svg"
    echo "wrote examples/figures/$nation-2021.svg and $nation-current.svg from $dated"
    if [ -f "models/$nation/2017/model.xml" ]; then
      "$govmap" render "models/$nation/2017/model.xml" -o "examples/figures/$nation-2017.svg"
      echo "wrote examples/figures/$nation-2017.svg"
    fi
    continue
  fi
  for era in 2017 2021 current; do
    model="models/$nation/$era/model.xml"
    out="examples/figures/$nation-$era.svg"
    if [ ! -f "$model" ]; then
      echo "skip $out: $model does not exist"
      continue
    fi
    "$govmap" render "$model" -o "$out"
    echo "wrote $out"
  done
done
