#!/bin/sh
# Fails when a view folder (src/board, src/capacity, src/clients) includes
# a header of another view, or links another view's library: a view uses
# the model and src/widgets, never another view. Only src/shell brings the
# views together.
set -eu
src="$1"
views="board capacity clients"
status=0
for view in $views; do
  for other in $views; do
    [ "$view" = "$other" ] && continue
    headers=$(cd "$src/$other" && ls *.h 2>/dev/null | sed 's/\./\\./g' | paste -sd'|' -)
    [ -n "$headers" ] || continue
    bad=$(grep -rnE "#[[:space:]]*include[[:space:]]*[<\"](\.\./$other/)?($headers)[>\"]" "$src/$view" || true)
    if [ -n "$bad" ]; then
      echo "src/$view must not include src/$other:" >&2
      echo "$bad" >&2
      status=1
    fi
  done
done
# The widgets are shared by the views and include none of them.
for other in $views shell; do
  headers=$(cd "$src/$other" && ls *.h 2>/dev/null | sed 's/\./\\./g' | paste -sd'|' -)
  bad=$(grep -rnE "#[[:space:]]*include[[:space:]]*[<\"](\.\./$other/)?($headers)[>\"]" "$src/widgets" || true)
  if [ -n "$bad" ]; then
    echo "src/widgets must not include src/$other:" >&2
    echo "$bad" >&2
    status=1
  fi
done
[ $status -eq 0 ] && echo "the views include only the model and the widgets"
exit $status
