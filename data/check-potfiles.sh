#!/bin/sh
# Check that every file listed in po/POTFILES.in exists, and that every
# source file with translatable strings is listed.
# Usage: check-potfiles.sh SOURCE_ROOT
set -eu

root=${1:?usage: check-potfiles.sh SOURCE_ROOT}
list="$root/po/POTFILES.in"

if [ ! -f "$list" ]; then
  echo "missing: $list" >&2
  exit 1
fi

missing=0
while IFS= read -r line || [ -n "$line" ]; do
  # Skip blank lines, comments and [encoding: …]/[type: …] prefixes.
  case $line in
    ''|'#'*) continue ;;
  esac
  file=${line#\[*\] }
  if [ ! -f "$root/$file" ]; then
    echo "po/POTFILES.in lists a missing file: $file" >&2
    missing=$((missing + 1))
  fi
done < "$list"

# Sources with _(), N_(), C_(), ngettext or translatable="yes" must be listed.
unlisted=0
for file in $(cd "$root" && grep -lE '(^|[^A-Za-z0-9_])(N?_|C_|NC_|g_dngettext|ngettext)[[:space:]]*\(|translatable="yes"' \
                -r src --include='*.c' --include='*.ui' | sort); do
  if ! grep -qxF "$file" "$list"; then
    echo "po/POTFILES.in does not list $file, which has translatable strings" >&2
    unlisted=$((unlisted + 1))
  fi
done

if [ "$missing" -ne 0 ] || [ "$unlisted" -ne 0 ]; then
  echo "$missing missing file(s), $unlisted unlisted file(s)" >&2
  exit 1
fi
echo "po/POTFILES.in lists exactly the files with translatable strings"
