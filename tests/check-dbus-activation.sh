#!/bin/sh
# D-Bus activation, as a desktop does it for DBusActivatable=true: on a
# session bus of its own whose only service file is the one built from
# data/<app id>.service.in, asking the bus to start the app's name must
# start `baton --gapplication-service`, which registers without opening a
# window; GNOME Shell's search provider answers it without a workspace;
# then org.freedesktop.Application.Activate opens a window; then app.quit
# ends it.
#
# usage: check-dbus-activation.sh APP-ID SERVICE-FILE
# Needs a display (Xvfb in build-aux/dev test); without one it skips, and
# in CI (CI=true) it fails.
set -eu

app_id=$1
service_file=$2
app_path=/$(printf '%s' "$app_id" | tr . /)

if [ "${1:-}" != --inner ]; then
  if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "no display" >&2
    [ "${CI:-}" = true ] && exit 1
    exit 77
  fi
  for tool in dbus-run-session dbus-daemon gdbus; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$tool is missing" >&2; exit 1; }
  done

  tmp=$(mktemp -d "${TMPDIR:-/tmp}/baton-dbus-activation.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  mkdir -p "$tmp/services" "$tmp/data" "$tmp/config" "$tmp/cache"
  cp "$service_file" "$tmp/services/"
  cat >"$tmp/bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=$tmp</listen>
  <auth>EXTERNAL</auth>
  <servicedir>$tmp/services</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF
  # The bus passes its environment to the services it starts: a workspace
  # and settings of this test's own, and no accessibility bus (this bus has
  # none to start).
  status=0
  GTK_A11Y=none XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" \
    dbus-run-session --config-file="$tmp/bus.conf" -- "$0" --inner "$app_id" "$app_path" || status=$?
  exit $status
fi

# Inside the bus ---------------------------------------------------------------

app_id=$2
app_path=$3
pid=

bus () {
  method=$1
  shift
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method "org.freedesktop.DBus.$method" "$@"
}

cleanup () {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

fail () {
  echo "FAIL: $*" >&2
  exit 1
}

# Waits (up to 30 s) until the command succeeds.
wait_for () {
  i=0
  until "$@" >/dev/null 2>&1; do
    i=$((i + 1))
    [ $i -lt 300 ] || return 1
    sleep 0.1
  done
}

has_window () {
  gdbus introspect --session --dest "$app_id" --object-path "$app_path/window/1" |
    grep -q 'interface org.gtk.Actions'
}

is_gone () {
  bus NameHasOwner "$app_id" | grep -q false
}

bus NameHasOwner "$app_id" | grep -q false || fail "$app_id is owned before activation"

# What the bus does for a launcher's first call: start the service.
bus StartServiceByName "$app_id" 0 | grep -q '(uint32 1,)' ||
  fail "the bus did not start $app_id from its service file"
pid=$(bus GetConnectionUnixProcessID "$app_id" | sed -n 's/^(uint32 \([0-9]*\),)$/\1/p')
[ -n "$pid" ] || fail "no process owns $app_id"
tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- '--gapplication-service' ||
  fail "$app_id was not started with --gapplication-service: $(tr '\0' ' ' <"/proc/$pid/cmdline")"
echo "started as a service: $(tr '\0' ' ' <"/proc/$pid/cmdline")"

# A service opens no window by itself. The app answers org.gtk.Actions
# from its main loop, so once it has, a window it opened on start-up would
# be there.
gdbus call --session --dest "$app_id" --object-path "$app_path" \
  --method org.gtk.Actions.List >/dev/null || fail "$app_id does not answer"
! has_window || fail "the service opened a window before it was activated"

# What GNOME Shell's overview does with the service: search. There is no
# workspace yet, so nothing is found, and a search creates none and opens
# no window.
results=$(gdbus call --session --dest "$app_id" --object-path "$app_path/SearchProvider" \
  --method org.gnome.Shell.SearchProvider2.GetInitialResultSet "['training']") ||
  fail "the search provider does not answer"
[ "$results" = "(@as [],)" ] || fail "a search with no workspace found: $results"
[ ! -e "$XDG_DATA_HOME/baton/baton.db" ] || fail "a search created the workspace"
! has_window || fail "a search opened a window"
echo "the search provider answers without a workspace or a window"

# What a launcher sends for DBusActivatable=true.
gdbus call --session --dest "$app_id" --object-path "$app_path" \
  --method org.freedesktop.Application.Activate '{}' >/dev/null || fail "Activate failed"
wait_for has_window || fail "Activate opened no window"
echo "Activate opened a window"

gdbus call --session --dest "$app_id" --object-path "$app_path" \
  --method org.gtk.Actions.Activate quit '[]' '{}' >/dev/null || fail "app.quit failed"
wait_for is_gone || fail "app.quit did not end the service"
echo "app.quit ended it"
