#!/usr/bin/env bash
# Installs govmap into a temporary prefix and uses the installed copy as a new user would, from a
# folder outside the source tree: list the bundled models, write a proposal that extends one by
# name, validate and compare it, read the man page, load the bash completion. Any failing step
# fails the test. Usage: tests/install/run.sh BUILD_DIR (run by ctest as the "install" test).
set -euo pipefail
build=$(cd "$1" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/govmap-install-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail() { echo "install test: FAILED: $*" >&2; exit 1; }
step() { echo "install test: $*"; }
# Runs a command, keeping its output in $tmp/out; fails the test on a non-zero exit.
run() {
  local status=0
  "$@" >"$tmp/out" 2>&1 || status=$?
  [ "$status" -eq 0 ] || { cat "$tmp/out" >&2; fail "exit $status from: $*"; }
}
expect() { grep -qF -- "$1" "$tmp/out" || { cat "$tmp/out" >&2; fail "expected '$1' in the output of the step above"; }; }

prefix=$tmp/prefix
step "cmake --install $build --prefix $prefix"
run cmake --install "$build" --prefix "$prefix"
govmap=$prefix/bin/govmap
models=$prefix/share/govmap/models
for f in "$govmap" "$models/vocabulary.xml" "$models/FORMAT.md" "$models/schema/govmap-1.xsd" \
         "$models/scotland/model.xml" "$models/scotland/geography.xml" \
         "$prefix/share/doc/govmap/README.md" "$prefix/share/doc/govmap/docs/compare.md" \
         "$prefix/share/doc/govmap/models/FORMAT.md" "$prefix/share/man/man1/govmap.1" \
         "$prefix/share/bash-completion/completions/govmap"; do
  [ -e "$f" ] || fail "not installed: $f"
done

work=$tmp/work
mkdir -p "$work"
cd "$work"

step "govmap models lists the installed baselines first"
run "$govmap" models
for nation in england wales scotland northern-ireland; do
  if [ -f "$models/$nation/model.xml" ]; then  # one dated model
    expect "$models/$nation/model.xml"
  else
    expect "$models/$nation/2021/model.xml"
    expect "$models/$nation/current/model.xml"
  fi
done
[ "$(head -n 1 "$tmp/out")" = "$models:" ] || fail "the installed models are not first on the search path: $(head -n 1 "$tmp/out")"

step "GOVMAP_MODELS adds a folder"
mkdir -p "$tmp/mine/demo"
printf '<govmap version="1" id="demo" nation="wales" title="Demo" as-of="2026-01-01" status="current"/>\n' \
  >"$tmp/mine/demo/model.xml"
GOVMAP_MODELS=$tmp/mine run "$govmap" models --format json
expect '"name": "demo"'
expect "\"path\": \"$tmp/mine/demo/model.xml\""

step "a proposal that extends scotland by name validates and compares with it, by name"
cat >proposal.xml <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<!-- A hypothetical proposal for the install test: Scotland without its Ministerial Strategic Group. -->
<govmap version="1" id="install-test" nation="scotland" title="Install test: no Ministerial Strategic Group (hypothetical)"
        as-of="2026-11-30" status="proposed" extends="scotland">
  <remove ref="ministerial-strategic-group"/>
</govmap>
XML
run "$govmap" validate proposal.xml
expect "proposal.xml: ok ("
run "$govmap" compare scotland proposal.xml
expect "Bodies removed (1):"
expect "[ministerial-strategic-group]"
run "$govmap" validate scotland
expect "scotland: ok ("
run "$govmap" render proposal.xml -o proposal.dot
[ -s proposal.dot ] || fail "render wrote no proposal.dot"

step "the man page renders and covers every command and option"
if command -v man >/dev/null; then
  MANWIDTH=100 run man -l "$prefix/share/man/man1/govmap.1"
else
  run groff -man -Tutf8 "$prefix/share/man/man1/govmap.1"
fi
expect "EXIT STATUS"
expect "GOVMAP_MODELS"
manpage=$tmp/man.txt
sed 's/\\-/-/g; s/\\f[BIRP]//g' "$prefix/share/man/man1/govmap.1" >"$manpage"
version=$("$govmap" --version | awk '{print $2}')
grep -qF "\"govmap $version\"" "$manpage" || fail "the man page is not for govmap $version"
for command in $("$govmap" --help | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p'); do
  # The command's entry: from its heading to the next command's.
  awk -v c="govmap $command" 'index($0, "\"" c " ") || index($0, "\"" c "\"") { on = 1; print; next }
                               /^\.B[IR]? "govmap / || /^\.SH/ { on = 0 } on' "$manpage" >"$tmp/entry"
  [ -s "$tmp/entry" ] || fail "the man page does not describe 'govmap $command'"
  for option in $("$govmap" "$command" --help | sed -n 's/^  \(-[a-zA-Z], \)\{0,1\}\(--[a-z-]*\).*/\2/p'); do
    [ "$option" = --help ] || grep -qF -- "$option" "$tmp/entry" ||
      fail "the man page's entry for 'govmap $command' does not mention $option"
  done
done

step "bash completion loads and completes commands and --format values"
completion=$prefix/share/bash-completion/completions/govmap
run bash -c "source '$completion' && complete -p govmap"
expect "complete -F _govmap govmap"
complete_words() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _govmap; echo "${COMPREPLY[*]}"' _ "$completion" "$@"
}
[ "$(complete_words "$govmap" mo)" = models ] || fail "completion of 'govmap mo' is not 'models'"
[ "$(complete_words "$govmap" stats --format "")" = "text json" ] || fail "completion of 'stats --format' is not 'text json'"
[ "$(complete_words "$govmap" validate proposal.x)" = proposal.xml ] || fail "completion of file names does not offer proposal.xml"

step "ok"
