#!/bin/sh
# Fails when anything under src/model includes GTK or libadwaita, or when
# the model's build file links them; or when the JSON import and export, or
# the header the model's modules share, reach past the storage interface
# (baton-storage.h) to SQLite.
set -eu
dir="$1"
bad=$(grep -rnE '#[[:space:]]*include[[:space:]]*[<"](gtk|gdk|adwaita|gsk)/?' "$dir" || true)
bad2=$(grep -nE 'gtk_dep|adw_dep' "$dir/meson.build" || true)
if [ -n "$bad$bad2" ]; then
  echo "src/model must not use GTK or libadwaita:" >&2
  printf '%s\n%s\n' "$bad" "$bad2" >&2
  exit 1
fi
bad3=$(grep -nE '#[[:space:]]*include[[:space:]]*[<"](sqlite3|baton-db)\.h|sqlite3_|baton_db_' \
        "$dir"/baton-json*.c "$dir"/baton-json-private.h "$dir"/baton-store-private.h || true)
if [ -n "$bad3" ]; then
  echo "the JSON files and baton-store-private.h go through baton-storage.h, not SQLite:" >&2
  printf '%s\n' "$bad3" >&2
  exit 1
fi
echo "src/model is free of GTK; JSON goes through the storage interface"
