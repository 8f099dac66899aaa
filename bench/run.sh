#!/usr/bin/env bash
# Covenant benchmarks (issue 3): builds the application jar, starts it on this machine (embedded default,
# or PostgreSQL/Redis when DATABASE_URL/REDIS_URL are set), waits for /health, runs bench/Bench.java against
# it over loopback, prints the results and stops the application again. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

PORT="${BENCH_PORT:-18080}"
WORK="$(mktemp -d -t covenant-bench.XXXXXX)"
APP_PID=""

cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    bench_log "Stopping the application (pid $APP_PID)"
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

bench_use_jdk 21
bench_build_jar

# The benchmark's own classpath: BCryptPasswordEncoder with what it needs (spring-core, logging API), taken
# from the application jar itself, so the in-process bcrypt is exactly the one the application uses.
mkdir -p "$WORK/lib"
(cd "$WORK/lib" && unzip -q -o -j "$OLDPWD/$JAR" 'BOOT-INF/lib/spring-security-crypto-*.jar' \
  'BOOT-INF/lib/spring-core-*.jar' 'BOOT-INF/lib/commons-logging-*.jar' 'BOOT-INF/lib/spring-jcl-*.jar' 2>/dev/null || true)
ls "$WORK"/lib/spring-security-crypto-*.jar >/dev/null 2>&1 || { echo "spring-security-crypto not found in $JAR" >&2; exit 1; }
BENCH_CP="$(ls "$WORK"/lib/*.jar | paste -sd:)"

if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health" 2>/dev/null; then
  echo "Something already answers on port $PORT; set BENCH_PORT to a free port." >&2
  exit 1
fi

bench_log "Starting $JAR on 127.0.0.1:$PORT ($([ -n "${DATABASE_URL:-}" ] && echo "DATABASE_URL" || echo "embedded default, data in $WORK/data"))"
# Rate limits raised far above the load (the limiter stays in the chain, as in production); both the documented
# variables and Spring's relaxed names of covenant.ratelimit.* are set.
env PORT="$PORT" SERVER_ADDRESS=127.0.0.1 DATA_DIR="${DATA_DIR:-$WORK/data}" LOG_LEVEL="${LOG_LEVEL:-warn}" \
  RATE_LIMIT_PER_MINUTE=100000000 AUTH_RATE_LIMIT_PER_MINUTE=100000000 \
  COVENANT_RATELIMIT_PERMINUTE=100000000 COVENANT_RATELIMIT_AUTHPERMINUTE=100000000 \
  "$JAVA" ${BENCH_APP_JAVA_OPTS:-} -jar "$JAR" >"$WORK/app.log" 2>&1 &
APP_PID=$!

bench_log "Waiting for /health"
for _ in $(seq 1 240); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health" 2>/dev/null; then break; fi
  if ! kill -0 "$APP_PID" 2>/dev/null; then
    echo "The application stopped during startup:" >&2; tail -n 40 "$WORK/app.log" >&2; exit 1
  fi
  sleep 1
done
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health" || { echo "No healthy application after 240 s" >&2; tail -n 40 "$WORK/app.log" >&2; exit 1; }

bench_log "Running bench/Bench.java"
BENCH_BASE_URL="http://127.0.0.1:$PORT" BCRYPT_COST="${BCRYPT_COST:-12}" \
  "$JAVA" -cp "$BENCH_CP" bench/Bench.java
