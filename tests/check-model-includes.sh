#!/bin/sh
# Fails when anything under src/model includes GTK or libadwaita, or when
# the model's build file links them.
set -eu
dir="$1"
bad=$(grep -rnE '#[[:space:]]*include[[:space:]]*[<"](gtk|gdk|adwaita|gsk)/?' "$dir" || true)
bad2=$(grep -nE 'gtk_dep|adw_dep' "$dir/meson.build" || true)
if [ -n "$bad$bad2" ]; then
  echo "src/model must not use GTK or libadwaita:" >&2
  printf '%s\n%s\n' "$bad" "$bad2" >&2
  exit 1
fi
echo "src/model is free of GTK"
