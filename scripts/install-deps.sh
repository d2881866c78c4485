#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages CaseyOS needs to build, run and test.
# Only installs what is missing; uses sudo when not root. Grows with the features.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools libxkbcommon-dev
  qt6-svg-dev libqt6svg6 qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6sql6-sqlite libsqlite3-dev
  libspdlog-dev libgtest-dev googletest
  qt6-charts-dev libqt6opengl6-dev
  qt6-networkauth-dev qt6-httpserver-dev qt6-websockets-dev qtkeychain-qt6-dev libsecret-1-0
  xvfb xauth sqlite3
  dbus dunst python3 python3-dbus desktop-file-utils gnome-keyring libsecret-tools
  # Voice: Qt Multimedia (microphone, speaker), pocketsphinx with its en-us model (offline recognition and wake
  # words), espeak-ng (offline speech); for the tests, PulseAudio run headless, and flite + sox to make speech.
  qt6-multimedia-dev libpocketsphinx-dev libsphinxbase-dev pocketsphinx-en-us libespeak-ng-dev
  pulseaudio pulseaudio-utils flite sox
)
# The MCP conformance test (the official TypeScript SDK client) and the contract check (Stoplight Prism) run on
# Node with packages from the npm registry: Debian's nodejs and npm only when either is missing (CI machines
# already have Node 20 and npm).
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
