#!/usr/bin/env bash
# Installs what is missing, builds everything and runs the whole test suite under a private X server.
# Extra arguments go to ctest (e.g. -R Aps, -L ui).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${CASEYOS_BUILD_DIR:-$root/build}"
bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh"

# The MCP conformance test's client: the official TypeScript SDK and ajv at the exact versions of
# tests/mcp-conformance/package-lock.json (before HOME changes, so npm's cache is reused).
if command -v npm >/dev/null 2>&1; then
  npm ci --prefix "$root/tests/mcp-conformance" --no-audit --no-fund --loglevel=error
fi
# The contract tests (label "contract") need Stoplight Prism: CTest's fixture test contract_prism_install runs
# tests/contract/prism.sh install (npm ci into $build/contract-prism) before them; run it alone with
# `ctest --test-dir build -L contract`.

# Tests never touch the user's real folders: a throwaway HOME and a private runtime dir.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -m 700 "$scratch/runtime"
export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/runtime"
mkdir -p "$HOME"

# One X server and one private D-Bus session; in it an unlocked gnome-keyring (CASEYOS_EXPECT_KEYRING=1), a
# tray host (StatusNotifierWatcher) and the dunst notification server logging every pop-up, so the tray tests take the real path (CASEYOS_EXPECT_TRAY=1 makes
# a missing tray a failure there), and a private PulseAudio with a null speaker and a pipe microphone for the voice
# tests (CASEYOS_EXPECT_AUDIO=1). run-in-session.sh stops them all when ctest ends.
xvfb-run -a -s "-screen 0 1280x1024x24" \
  dbus-run-session -- bash "$root/tests/support/desktop-session/run-in-session.sh" \
  ctest --test-dir "$build" --output-on-failure --no-tests=error -j "$(nproc)" "$@"
