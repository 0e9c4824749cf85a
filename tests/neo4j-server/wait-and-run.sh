#!/usr/bin/env bash
# Run a command against a throw-away in-process Neo4j (for CI and local test runs).
#
#   tests/neo4j-server/wait-and-run.sh [--port N] [--] COMMAND [ARGS...]
#   e.g.  tests/neo4j-server/wait-and-run.sh npm test
#
# 1. builds the server if needed (start.sh --build; not counted in the start timeout),
# 2. starts it in the background on a free port (or --port N / NEO4J_TEST_PORT),
# 3. waits for the BOLT_URI= line (NEO4J_TEST_TIMEOUT seconds, default 180); if the server
#    dies or times out, prints the tail of its log and exits 1,
# 4. exports NEO4J_URI (and NEO4J_USERNAME/NEO4J_USER/NEO4J_PASSWORD when NEO4J_TEST_PASSWORD
#    is set) and runs COMMAND,
# 5. always stops the server (SIGTERM, then SIGKILL after 30 s) and exits with COMMAND's code.
set -uo pipefail

DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PORT="${NEO4J_TEST_PORT:-0}"
TIMEOUT="${NEO4J_TEST_TIMEOUT:-180}"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --port) PORT="${2:?--port needs a value}"; shift 2 ;;
    --port=*) PORT="${1#--port=}"; shift ;;
    --) shift; break ;;
    *) break ;;
  esac
done
if [[ $# -eq 0 ]]; then
  echo "usage: $0 [--port N] [--] COMMAND [ARGS...]" >&2
  exit 2
fi

LOG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/atlas-neo4j-run.XXXXXX")"
OUT_LOG="$LOG_DIR/server.out"
ERR_LOG="$LOG_DIR/server.err"
SERVER_PID=""
KEEP_LOGS=0

log() { echo "[wait-and-run] $*" >&2; }

show_log_tail() {
  echo "----- neo4j test server log (last 60 lines of $ERR_LOG) -----" >&2
  tail -n 60 "$ERR_LOG" >&2 2>/dev/null || true
  echo "----- end of server log -----" >&2
}

stop_server() {
  [[ -n "$SERVER_PID" ]] || return 0
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    log "stopping neo4j test server (pid $SERVER_PID)"
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 300); do
      kill -0 "$SERVER_PID" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$SERVER_PID" 2>/dev/null; then
      log "server did not stop within 30 s, sending SIGKILL"
      kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
  fi
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

cleanup() {
  local rc=$?
  stop_server
  if [[ "$KEEP_LOGS" == 1 ]]; then
    log "server logs kept in $LOG_DIR"
  else
    rm -rf "$LOG_DIR"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# 1. build (outside the start timeout: a cold Maven download can take minutes)
if ! "$DIR/start.sh" --build; then
  log "building the neo4j test server failed"
  exit 1
fi

# 2. start
"$DIR/start.sh" "$PORT" >"$OUT_LOG" 2>"$ERR_LOG" </dev/null &
SERVER_PID=$!
log "started neo4j test server (pid $SERVER_PID), waiting up to ${TIMEOUT}s for BOLT_URI"

# 3. wait for readiness
start_ts=$SECONDS
BOLT_URI=""
while :; do
  line="$(grep -m1 '^BOLT_URI=' "$OUT_LOG" 2>/dev/null || true)"
  if [[ -n "$line" ]]; then
    BOLT_URI="${line#BOLT_URI=}"
    break
  fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    wait "$SERVER_PID" 2>/dev/null; src=$?
    SERVER_PID=""
    log "neo4j test server exited (code $src) before it was ready"
    show_log_tail; KEEP_LOGS=1
    exit 1
  fi
  if (( SECONDS - start_ts >= TIMEOUT )); then
    log "neo4j test server not ready after ${TIMEOUT}s"
    show_log_tail; KEEP_LOGS=1
    exit 1
  fi
  sleep 0.2
done
log "neo4j test server ready at $BOLT_URI after $((SECONDS - start_ts))s"

# 4. run the command
export NEO4J_URI="$BOLT_URI"
if [[ -n "${NEO4J_TEST_PASSWORD:-}" ]]; then
  export NEO4J_USERNAME=neo4j NEO4J_USER=neo4j NEO4J_PASSWORD="$NEO4J_TEST_PASSWORD"
fi
"$@"
cmd_rc=$?
if (( cmd_rc != 0 )); then
  log "command exited with code $cmd_rc"
fi

# 5. stop (also done by the EXIT trap on any other path) and propagate the command's code
stop_server
exit "$cmd_rc"
