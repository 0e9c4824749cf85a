#!/usr/bin/env bash
# Start the in-process Neo4j test server (neo4j-harness 5.26, community) in the foreground.
#
#   tests/neo4j-server/start.sh [PORT]     # Bolt on 127.0.0.1:PORT (default 7687; 0 = free port)
#   tests/neo4j-server/start.sh --build    # only (re)build, then exit
#
# Prints exactly one line on stdout when ready:  BOLT_URI=bolt://127.0.0.1:<port>
# Everything else (Maven, diagnostics) goes to stderr. Stop it with SIGTERM or Ctrl-C.
#
# Environment (all optional):
#   NEO4J_TEST_PASSWORD   enable auth: user neo4j with this password (>= 8 chars); default: auth off
#   NEO4J_TEST_PAGECACHE  page cache size (default 64m)
#   NEO4J_TEST_JAVA_OPTS  JVM options (default: -Xms128m -Xmx1g -XX:TieredStopAtLevel=1 ...)
#   NEO4J_TEST_KEEP_DIR=1 keep the temp working dir on exit
#   MAVEN_OPTS            passed to Maven as usual
#   MAVEN_ARGS            extra Maven arguments, e.g. -Dmaven.repo.local=/path/to/repo
#   JAVA_HOME             Java 17+ to use (default: java on PATH)
set -euo pipefail

DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
STAMP="$DIR/target/.build-stamp"

needs_build() {
  [[ -f "$STAMP" && -d "$DIR/target/classes" && -d "$DIR/target/lib" ]] || return 0
  [[ -n "$(find "$DIR/src" "$DIR/pom.xml" -newer "$STAMP" -print -quit)" ]]
}

build() {
  mkdir -p "$DIR/target"
  # Serialise concurrent builds (e.g. two test runners starting at once).
  exec 9>"$DIR/target/.build.lock"
  flock 9
  if needs_build; then
    echo "[neo4j-test-server] building with Maven (first build downloads ~150 MB of dependencies)..." >&2
    # shellcheck disable=SC2086  # MAVEN_ARGS is intentionally word-split
    mvn -q -B -Dstyle.color=never -f "$DIR/pom.xml" ${MAVEN_ARGS:-} package >&2
    touch "$STAMP"
  fi
  flock -u 9
  exec 9>&-
}

if [[ "${1:-}" == "--build" ]]; then
  build
  exit 0
fi

PORT="${1:-7687}"
if ! [[ "$PORT" =~ ^[0-9]+$ ]] || (( PORT > 65535 )); then
  echo "usage: $0 [PORT|--build]   (PORT 0..65535, default 7687)" >&2
  exit 2
fi

if needs_build; then build; fi

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# C1-only JIT: starts faster and burns less CPU next to the node tests; plenty fast for test data.
DEFAULT_OPTS="-Xms128m -Xmx1g -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError"
# shellcheck disable=SC2086  # NEO4J_TEST_JAVA_OPTS is intentionally word-split
exec "$JAVA" ${NEO4J_TEST_JAVA_OPTS:-$DEFAULT_OPTS} \
  --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  -Dio.netty.tryReflectionSetAccessible=true \
  -cp "$DIR/target/classes:$DIR/target/lib/*" \
  atlas.TestServer "$PORT"
