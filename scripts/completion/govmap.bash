# bash completion for govmap. Installed as share/bash-completion/completions/govmap; to try it
# from a checkout: source scripts/completion/govmap.bash
#
# Commands, options and their fixed values are read from `govmap --help` and
# `govmap COMMAND --help`, so the completion cannot drift from the binary; rule ids for
# `govmap explain` come from `govmap rules`. Everything else completes file names.

# Prints, for option $3 of command $2 (binary $1), its value name ("-" for a flag) and its
# fixed values if the help line ends with them: "  --format FORMAT   output format (text, json)".
_govmap_option() {
  "$1" "$2" --help 2>/dev/null | awk -v opt="$3" '
    /^  -/ {
      line = substr($0, 3); short = ""
      if (line ~ /^-[a-zA-Z], /) { short = substr(line, 1, 2); line = substr(line, 5) }
      split(line, parts, /   */); split(parts[1], words, " ")
      if (words[1] != opt && short != opt) next
      choices = ""
      if (match($0, /\(([a-z-]+, )*[a-z-]+\)$/)) choices = substr($0, RSTART + 1, RLENGTH - 2)
      gsub(/,/, "", choices)
      print (words[2] == "" ? "-" : words[2]) " " choices
      exit
    }'
}

_govmap() {
  local cur="${COMP_WORDS[COMP_CWORD]}" prev="" govmap="${COMP_WORDS[0]}"
  [ "$COMP_CWORD" -gt 0 ] && prev="${COMP_WORDS[COMP_CWORD - 1]}"
  COMPREPLY=()
  if [ "$COMP_CWORD" -eq 1 ]; then
    local commands
    commands=$("$govmap" --help 2>/dev/null | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p')
    mapfile -t COMPREPLY < <(compgen -W "$commands --help --version" -- "$cur")
    return
  fi
  local command="${COMP_WORDS[1]}"

  # The value of an option: one of a fixed set, a folder, nothing to offer, or a file.
  if [[ "$prev" == -* && "$cur" != -* ]]; then
    local value choices
    read -r value choices <<< "$(_govmap_option "$govmap" "$command" "$prev")"
    if [ -n "$choices" ]; then
      mapfile -t COMPREPLY < <(compgen -W "$choices" -- "$cur")
      return
    fi
    case "$value" in
      "" | -) ;;  # unknown option or a flag: complete the next argument
      DIR) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -d -- "$cur"); return ;;
      N | DATE | TEXT | CODE | ID | LEVEL) return ;;
      *) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$cur"); return ;;
    esac
  fi

  if [[ "$cur" == -* ]]; then
    local options
    options=$("$govmap" "$command" --help 2>/dev/null | sed -n 's/^  \(-[a-zA-Z], \)\{0,1\}\(--[a-z-]*\).*/\2/p')
    mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur")
    return
  fi
  if [ "$command" = explain ]; then
    mapfile -t COMPREPLY < <(compgen -W "$("$govmap" rules 2>/dev/null | sed -n 's/^\([a-z][a-z-]*\) .*/\1/p')" -- "$cur")
    return
  fi
  compopt -o filenames 2>/dev/null
  mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}

complete -F _govmap govmap
