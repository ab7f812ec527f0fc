#!/usr/bin/env bash
# Builds the seed corpora of the fuzz targets in OUTDIR/{loader,check,import} from the project's
# own inputs: the loader's bad-input corpus, the rule fixtures, the comparison fixtures, the worked
# example, the smaller bundled models and the import fixtures. Files of one input are joined with
# "--8<--" lines in the order the targets read them (see fuzz/fuzz_files.h).
# Usage: fuzz/seeds.sh OUTDIR
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: fuzz/seeds.sh OUTDIR}
rm -rf "$out"
mkdir -p "$out/loader" "$out/check" "$out/import"
sep=$'\n--8<--\n'
n=0
seed() {  # seed DIR FILE... : one input made of the files, in order ("-" for an empty part)
  local dir=$1 text="" first=1
  shift
  for f in "$@"; do
    [ $first -eq 1 ] || text+=$sep
    first=0
    [ "$f" = - ] || text+=$(cat "$f")
  done
  n=$((n + 1))
  printf '%s\n' "$text" > "$dir/seed-$n"
}

# The loader: every bad input, the example, the bundled models up to 64 KB (their includes are
# too large to be seeds), and inputs that use each of the other files.
for f in tests/loader/bad/*.xml examples/fife/model.xml tests/compare/*.xml tests/check/*.xml; do
  seed "$out/loader" "$f"
done
for f in models/*/*/model.xml models/*/proposals/*.xml; do
  [ "$(wc -c < "$f")" -le 65536 ] && seed "$out/loader" "$f"
done
inc=$(mktemp)
printf '%s\n' '<govmap version="1" id="t" nation="scotland" title="T" as-of="2021-12-01" status="current">' \
  '  <include href="include.xml"/>' '</govmap>' > "$inc"
seed "$out/loader" "$inc" examples/fife/model.xml
seed "$out/loader" tests/compare/merge-boards.xml - tests/compare/base.xml
seed "$out/loader" tests/compare/bad-overlay.xml - tests/compare/base.xml
vocab=$(mktemp)
sed 's|<govmap |<govmap vocabulary="vocabulary.xml" |' examples/fife/model.xml > "$vocab"
seed "$out/loader" "$vocab" - - models/vocabulary.xml
rm -f "$inc" "$vocab"

# The check: models that load and give findings.
for f in tests/rules/*/*.xml examples/fife/model.xml tests/check/many-subjects.xml; do
  seed "$out/check" "$f"
done
seed "$out/check" tests/compare/merge-boards.xml - tests/compare/base.xml
seed "$out/check" tests/compare/renamed.xml - tests/compare/base.xml

# The importer: each fixture spec with the CSV files it names, renamed to the target's names.
for spec in tests/import/*.xml; do
  mapfile -t csvs < <(grep -o 'file="[^"]*\.csv"' "$spec" | sed 's/file="//; s/"$//' | awk '!seen[$0]++' | head -n 3)
  names=(lookup.csv population.csv extra.csv)
  text=$(cat "$spec")
  parts=()
  for i in "${!csvs[@]}"; do
    text=${text//\"${csvs[$i]}\"/\"${names[$i]}\"}
    parts+=("tests/import/${csvs[$i]}")
  done
  tmp=$(mktemp)
  printf '%s\n' "$text" > "$tmp"
  existing=()
  for p in "${parts[@]}"; do if [ -f "$p" ]; then existing+=("$p"); else existing+=(-); fi; done
  seed "$out/import" "$tmp" "${existing[@]}"
  rm -f "$tmp"
done
echo "fuzz/seeds.sh: $(ls "$out/loader" | wc -l) loader, $(ls "$out/check" | wc -l) check and $(ls "$out/import" | wc -l) import seeds in $out"
