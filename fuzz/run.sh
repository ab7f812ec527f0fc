#!/usr/bin/env bash
# Runs one fuzz target for SECONDS on its seed corpus (built by fuzz/seeds.sh) plus the inputs
# it found before in WORKDIR/corpus-TARGET. Exits non-zero when the target crashes, leaks, hangs
# (an input taking over 10 s) or runs out of memory (over 2 GB); the input that did it is saved as
# WORKDIR/crash-* (or leak-, timeout-, oom-) and can be replayed with: TARGET_BINARY FILE.
# Usage: fuzz/run.sh TARGET_BINARY TARGET WORKDIR SECONDS [LIBFUZZER_OPTION...]
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:?usage: fuzz/run.sh TARGET_BINARY TARGET WORKDIR SECONDS}
target=${2:?}
work=${3:?}
seconds=${4:?}
shift 4
mkdir -p "$work/corpus-$target"
seeds="$work/seeds-$target"
fuzz/seeds.sh "$work/all-seeds-$target" >/dev/null
rm -rf "$seeds"
mv "$work/all-seeds-$target/$target" "$seeds"
rm -rf "$work/all-seeds-$target"
# One job at a time: the project's machines have two cores shared by several people.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0" \
  "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -dict=fuzz/govmap.dict -artifact_prefix="$work/" -print_final_stats=1 "$@" \
    "$work/corpus-$target" "$seeds"
