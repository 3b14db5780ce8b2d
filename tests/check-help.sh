#!/bin/sh
# The user help: the Mallard pages in help/C and, for each language in
# help/LINGUAS, the pages itstool builds from help/<lang>/<lang>.po must
# validate against the Mallard schema (yelp-check validate), and each
# <lang>.po must translate every message of the pages as they are now
# (none missing, none fuzzy), so a changed paragraph is not left in English.
# Every language the app is translated into (po/LINGUAS) has its help.
#
# usage: check-help.sh HELP-DIR PO-DIR
# Without yelp-check, itstool or gettext it skips, and in CI (CI=true) it
# fails.
set -eu

help=$1
po_dir=$2

for tool in yelp-check itstool msgfmt msgcmp; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$tool is missing (build-aux/dev installs it)" >&2
    [ "${CI:-}" = true ] && exit 1
    exit 77
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/baton-check-help.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

status=0

yelp-check validate "$help/C" || { echo "help/C does not validate" >&2; status=1; }

itstool -o "$tmp/help.pot" "$help"/C/*.page

help_langs=" $(sed -e 's/#.*//' "$help/LINGUAS" | tr '\n' ' ') "
for lang in $(sed -e 's/#.*//' "$po_dir/LINGUAS"); do
  case $help_langs in
    *" $lang "*) ;;
    *) echo "the app is translated into $lang (po/LINGUAS), its help is not (help/LINGUAS)" >&2
       status=1 ;;
  esac
done

for lang in $(sed -e 's/#.*//' "$help/LINGUAS"); do
  po="$help/$lang/$lang.po"
  if [ ! -f "$po" ]; then
    echo "help/LINGUAS lists $lang, but $po is missing" >&2
    status=1
    continue
  fi

  # Every message of the pages, translated and not fuzzy.
  msgcmp "$po" "$tmp/help.pot" || { echo "$po does not translate every message" >&2; status=1; }

  mkdir -p "$tmp/$lang"
  msgfmt -c -o "$tmp/$lang.mo" "$po"
  itstool -m "$tmp/$lang.mo" -l "$lang" -o "$tmp/$lang/" "$help"/C/*.page
  yelp-check validate "$tmp/$lang" || { echo "the $lang pages do not validate" >&2; status=1; }
done

exit $status
