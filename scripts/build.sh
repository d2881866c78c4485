#!/usr/bin/env bash
# Configures and builds CaseyOS with Ninja into $CASEYOS_BUILD_DIR (default: build/).
# Usage: scripts/build.sh [cmake --build arguments, e.g. --target caseyos]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${CASEYOS_BUILD_DIR:-$root/build}"
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${CASEYOS_BUILD_TYPE:-RelWithDebInfo}"
fi
cmake --build "$build" "$@"
