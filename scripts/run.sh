#!/usr/bin/env bash
# Installs what is missing, builds the app and opens it on the demo workspace.
# Extra arguments go to caseyos (e.g. --home DIR, --log-level debug).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh" --target caseyos
exec "${CASEYOS_BUILD_DIR:-$root/build}/bin/caseyos" --demo "$@"
