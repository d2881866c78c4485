#!/usr/bin/env bash
# The contract check's Stoplight Prism (@stoplight/prism-cli, version pinned in package-lock.json).
#
#   prism.sh install               npm ci into $CASEYOS_BUILD_DIR/contract-prism (default build/contract-prism);
#                                  nothing is installed into the source tree, and a second run is a no-op
#   prism.sh start SPEC            start `prism mock` on 127.0.0.1 with a free port for SPEC (a file name in
#                                  tests/contract/specs/ or a path); waits until it listens, then prints
#                                  "PORT PID LOGFILE" on one line
#   prism.sh stop PID              stop a Prism started by `start` (by its PID only)
#   prism.sh run SPEC -- CMD...    start, run CMD with PRISM_URL=http://127.0.0.1:PORT, stop (even on failure)
#
# The C++ contract test (tests/contract, ctest -L contract) starts Prism itself from the same folder.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
prefix="${CASEYOS_PRISM_DIR:-${CASEYOS_BUILD_DIR:-$root/build}/contract-prism}"
prism="$prefix/node_modules/.bin/prism"

die() { echo "prism.sh: $*" >&2; exit 1; }

install() {
  command -v node >/dev/null && command -v npm >/dev/null \
    || die "node and npm are needed (scripts/install-deps.sh installs Debian's nodejs and npm)"
  mkdir -p "$prefix"
  if [ -x "$prism" ] && cmp -s "$here/package-lock.json" "$prefix/package-lock.json"; then
    echo "prism.sh: Prism $("$prism" --version) already in $prefix"
    return
  fi
  cp "$here/package.json" "$here/package-lock.json" "$prefix/"
  (cd "$prefix" && npm ci --no-audit --no-fund --loglevel=error)
  echo "prism.sh: installed Prism $("$prism" --version) in $prefix"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  local spec="$1"
  [ -f "$spec" ] || spec="$here/specs/$1"
  [ -f "$spec" ] || die "no spec $1"
  [ -x "$prism" ] || die "Prism is not installed: run $0 install"
  mkdir -p "$prefix/logs"
  local attempt port log pid
  for attempt in 1 2 3; do
    port=$(free_port)
    log="$prefix/logs/$(basename "$spec").$port.log"
    "$prism" mock --host 127.0.0.1 --port "$port" --dynamic=false "$spec" >"$log" 2>&1 </dev/null &
    pid=$!
    for _ in $(seq 1 1200); do # up to 120 s: the big specs are slow to load on a busy machine
      if grep -q "Prism is listening" "$log"; then
        echo "$port $pid $log"
        return
      fi
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    echo "prism.sh: attempt $attempt failed:" >&2
    tail -5 "$log" >&2
  done
  die "Prism did not start for $spec"
}

stop() {
  local pid="$1"
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
}

run() {
  local spec="$1"
  shift
  [ "${1:-}" = "--" ] && shift
  local port pid log
  read -r port pid log < <(start "$spec")
  trap 'stop '"$pid" EXIT
  PRISM_URL="http://127.0.0.1:$port" PRISM_LOG="$log" "$@"
}

case "${1:-}" in
  install) install ;;
  start) [ $# -ge 2 ] || die "usage: $0 start SPEC"; start "$2" ;;
  stop) [ $# -ge 2 ] || die "usage: $0 stop PID"; stop "$2" ;;
  run) [ $# -ge 3 ] || die "usage: $0 run SPEC -- CMD..."; shift; run "$@" ;;
  *) die "usage: $0 install | start SPEC | stop PID | run SPEC -- CMD..." ;;
esac
