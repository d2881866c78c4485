#!/usr/bin/env bash
# Runs a command inside a desktop-like session for the tests: a StatusNotifierWatcher (so Qt shows tray icons
# over D-Bus) and the dunst notification server printing every pop-up to a log file. Needs a session bus and
# an X display: run it as  xvfb-run -a dbus-run-session -- run-in-session.sh COMMAND...
# Exports CASEYOS_DUNST_LOG (the pop-ups' log) and CASEYOS_EXPECT_TRAY=1 (tray tests then fail instead of
# falling back when no tray appears). Also starts gnome-keyring (Secret Service) with a throwaway login keyring
# unlocked by a fixed password, in a private folder, and exports CASEYOS_EXPECT_KEYRING=1 (keychain tests then
# fail instead of checking the no-keychain path). And a user-mode PulseAudio with its socket, cookie and state in
# the session's private folder (never the user's own sound server): a null sink caseyos_speaker as the default
# output and a pipe source caseyos_mic_pipe, fed from a FIFO, as the default input. It exports
# CASEYOS_EXPECT_AUDIO=1 (audio tests then fail instead of finding no devices), PULSE_SERVER,
# CASEYOS_TEST_MIC_FIFO (write 16 kHz mono s16le there), CASEYOS_TEST_MIC_SOURCE and CASEYOS_TEST_SPEAKER_SINK
# (record what was played from its .monitor). The helpers are stopped by PID when the command ends.
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
pulse_pid=""
stop_helpers() {
  # Only the processes this script started.
  [ -n "$pulse_pid" ] && kill "$pulse_pid" 2>/dev/null || true
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

# Sound: PulseAudio as our child (--daemonize=no, so $! is its PID), no default.pa (-n), its socket, cookie and
# state inside the session folder; PULSE_SERVER points Qt, pactl and parec at it and nowhere else. The pipe source
# creates the FIFO itself and reads it whether or not anyone records (so a writer never blocks for long, but audio
# written before capture starts is lost), and it produces nothing while no writer is connected. If PulseAudio does
# not come up, the audio tests fail (CASEYOS_EXPECT_AUDIO=1) while the rest of the suite still runs.
pulse_dir="$session_dir/pulse"
mkdir -m 700 "$pulse_dir"
export PULSE_RUNTIME_PATH="$pulse_dir" PULSE_STATE_PATH="$pulse_dir/state" PULSE_COOKIE="$pulse_dir/cookie"
export PULSE_SERVER="unix:$pulse_dir/native"
pulseaudio --daemonize=no --exit-idle-time=-1 --system=false -n --use-pid-file=no --disallow-module-loading=no \
  --log-target=stderr --load="module-native-protocol-unix auth-anonymous=1 socket=$pulse_dir/native" \
  --load=module-always-sink >"$session_dir/pulseaudio.log" 2>&1 &
pulse_pid=$!
pulse_ready=""
for _ in $(seq 1 100); do
  if ! kill -0 "$pulse_pid" 2>/dev/null; then break; fi
  if pactl info >/dev/null 2>&1; then pulse_ready=1; break; fi
  sleep 0.1
done
export CASEYOS_TEST_MIC_FIFO="$session_dir/mic.fifo"
export CASEYOS_TEST_MIC_SOURCE=caseyos_mic_pipe CASEYOS_TEST_SPEAKER_SINK=caseyos_speaker
pulse_devices() {
  pactl load-module module-null-sink sink_name=caseyos_speaker \
    sink_properties=device.description=CaseyOS-test-speaker >/dev/null &&
    pactl set-default-sink caseyos_speaker &&
    pactl load-module module-pipe-source source_name=caseyos_mic_pipe "file=$CASEYOS_TEST_MIC_FIFO" \
      format=s16le rate=16000 channels=1 source_properties=device.description=CaseyOS-test-microphone >/dev/null &&
    pactl set-default-source caseyos_mic_pipe
}
pulse_status="PulseAudio (pid $pulse_pid)"
if [ -z "$pulse_ready" ]; then
  pulse_status="no PulseAudio"
  tail -n 20 "$session_dir/pulseaudio.log" >&2 || true
  echo "run-in-session: PulseAudio did not start; the audio tests will fail" >&2
elif ! pulse_devices 2>"$session_dir/pactl.err"; then
  pulse_status="PulseAudio (pid $pulse_pid) without its test devices"
  cat "$session_dir/pactl.err" >&2
  echo "run-in-session: PulseAudio's test devices could not be set up; the audio tests will fail" >&2
fi
export CASEYOS_EXPECT_AUDIO=1

export CASEYOS_EXPECT_TRAY=1
echo "run-in-session: tray watcher (pid $watcher_pid), dunst (pid $dunst_pid), gnome-keyring (pid $keyring_pid) and $pulse_status ready; pop-ups log to $CASEYOS_DUNST_LOG"
status=0
"$@" || status=$?
exit "$status"
