#!/usr/bin/env bash
# Installs what is missing, builds everything and runs the whole test suite under a private X server.
# Extra arguments go to ctest (e.g. -R Aps, -L ui).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${CASEYOS_BUILD_DIR:-$root/build}"
bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh"

# Tests never touch the user's real folders: a throwaway HOME and a private runtime dir.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -m 700 "$scratch/runtime"
export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/runtime"
mkdir -p "$HOME"

xvfb-run -a -s "-screen 0 1280x1024x24" \
  ctest --test-dir "$build" --output-on-failure --no-tests=error -j "$(nproc)" "$@"
