#!/bin/sh
# Check that every file listed in po/POTFILES.in exists.
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

if [ "$missing" -ne 0 ]; then
  echo "$missing missing file(s)" >&2
  exit 1
fi
echo "all files in po/POTFILES.in exist"
