#!/usr/bin/env bash
# Runs a command inside a desktop-like session for the tests: a StatusNotifierWatcher (so Qt shows tray icons
# over D-Bus) and the dunst notification server printing every pop-up to a log file. Needs a session bus and
# an X display: run it as  xvfb-run -a dbus-run-session -- run-in-session.sh COMMAND...
# Exports CASEYOS_DUNST_LOG (the pop-ups' log) and CASEYOS_EXPECT_TRAY=1 (tray tests then fail instead of
# falling back when no tray appears). Also starts gnome-keyring (Secret Service) with a throwaway login keyring
# unlocked by a fixed password, in a private folder, and exports CASEYOS_EXPECT_KEYRING=1 (keychain tests then
# fail instead of checking the no-keychain path). The helpers are stopped by PID when the command ends.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] || [ -z "${DISPLAY:-}" ]; then
  echo "run-in-session: needs a session bus and a display (xvfb-run -a dbus-run-session -- $0 ...)" >&2
  exit 2
fi

session_dir=$(mktemp -d)
watcher_pid=""
dunst_pid=""
keyring_pid=""
stop_helpers() {
  # Only the processes this script started.
  [ -n "$keyring_pid" ] && kill "$keyring_pid" 2>/dev/null || true
  [ -n "$dunst_pid" ] && kill "$dunst_pid" 2>/dev/null || true
  [ -n "$watcher_pid" ] && kill "$watcher_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  if [ -n "${CASEYOS_KEEP_SESSION_LOGS:-}" ]; then
    echo "run-in-session: logs kept in $session_dir" >&2
  else
    rm -rf "$session_dir"
  fi
}
trap stop_helpers EXIT

has_owner() {
  dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner "string:$1" 2>/dev/null | grep -q true
}
wait_for_name() {
  for _ in $(seq 1 100); do
    if has_owner "$1"; then return 0; fi
    sleep 0.05
  done
  echo "run-in-session: $1 did not appear on the session bus" >&2
  return 1
}

# Debian's python3 has python3-dbus and python3-gi; a python3 earlier in PATH (pyenv, venv) may not.
python=/usr/bin/python3
[ -x "$python" ] || python=python3
"$python" "$here/status-notifier-watcher.py" >"$session_dir/watcher.log" 2>&1 &
watcher_pid=$!
wait_for_name org.kde.StatusNotifierWatcher || { cat "$session_dir/watcher.log" >&2; exit 1; }

# dunst with its built-in defaults (no user config), every notification printed to the log.
export CASEYOS_DUNST_LOG="$session_dir/dunst.log"
: >"$session_dir/dunstrc" # built-in defaults, not the machine's config
dunst -print -config "$session_dir/dunstrc" >"$CASEYOS_DUNST_LOG" 2>"$session_dir/dunst.err" &
dunst_pid=$!
wait_for_name org.freedesktop.Notifications || { cat "$session_dir/dunst.err" >&2; exit 1; }

# The keychain: gnome-keyring's Secret Service on this bus. Its keyring files go to a private folder (never the
# user's keyrings); --foreground keeps it our child so $! is its PID; the password on stdin creates and
# unlocks the login keyring. If it does not come up, the keychain tests fail (CASEYOS_EXPECT_KEYRING=1) while
# the rest of the suite still runs.
mkdir -p "$session_dir/keyring-home"
printf ci-pass | env -u XDG_DATA_HOME HOME="$session_dir/keyring-home" \
  gnome-keyring-daemon --foreground --unlock --components=secrets >"$session_dir/keyring.log" 2>&1 &
keyring_pid=$!
if ! wait_for_name org.freedesktop.secrets; then
  cat "$session_dir/keyring.log" >&2
  echo "run-in-session: gnome-keyring did not start; the keychain tests will fail" >&2
fi
export CASEYOS_EXPECT_KEYRING=1

export CASEYOS_EXPECT_TRAY=1
echo "run-in-session: tray watcher (pid $watcher_pid), dunst (pid $dunst_pid) and gnome-keyring (pid $keyring_pid) ready; pop-ups log to $CASEYOS_DUNST_LOG"
status=0
"$@" || status=$?
exit "$status"
