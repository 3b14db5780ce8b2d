#!/bin/sh
# Validates the built metainfo with `appstreamcli validate --pedantic
# --no-net` and fails on its errors, and on any other issue except the two
# this validator cannot help reporting:
#   cid-contains-uppercase-letter  the app id is io.github.baton_app.Baton,
#                                  capitalized as Flathub's ids are;
#   unknown-tag developer          AppStream 0.16 (Debian 12) predates the
#                                  <developer id> element of AppStream 1.0,
#                                  which Flathub's linter asks for.
# usage: check-metainfo.sh APPSTREAMCLI METAINFO
set -u
out=$("$1" validate --pedantic --no-net "$2" 2>&1)
status=$?
printf '%s\n' "$out"
unexpected=$(printf '%s\n' "$out" | grep -E '^[EWIP]: ' |
               grep -vE ': cid-contains-uppercase-letter |: unknown-tag developer$' || true)
if [ -n "$unexpected" ]; then
  echo "unexpected issues:" >&2
  printf '%s\n' "$unexpected" >&2
  exit 1
fi
exit $status
