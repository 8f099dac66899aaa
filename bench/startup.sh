#!/usr/bin/env bash
# Covenant start-to-healthy benchmark (issue 9): builds the application jar once, then measures the time from
# launching the JVM to the first 200 of GET /health for three ways of starting the same jar, interleaved round by
# round so that all three see the same machine load:
#   (a) plain    java -jar covenant.jar                      (the fat jar, classes read out of nested jars)
#   (b) extract  java -jar extracted/covenant.jar            (java -Djarmode=tools -jar covenant.jar extract)
#   (c) aot      java -XX:AOTCache=app.aot -jar extracted/…  (JDK 25 AOT cache from a training run, as the image)
# BENCH_BASELINE_JAR=path/to/older.jar adds (0) before: java -jar of that jar, e.g. one built from an earlier
# commit, so a change is measured before and after in the same run.
# Each start is on the embedded default with a fresh DATA_DIR (H2 migrated and demo data seeded, as on a first
# start) unless BENCH_DATA=seeded (every start on a copy of an already seeded DATA_DIR, as on a restart).
# Prints every measurement, then the medians and their ratios to (a). See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

PORT="${BENCH_PORT:-18090}"
ROUNDS="${BENCH_ROUNDS:-3}"
DATA_MODE="${BENCH_DATA:-fresh}"
VARIANTS="${BENCH_VARIANTS:-plain extract aot}"
if [ -n "${BENCH_BASELINE_JAR:-}" ]; then VARIANTS="before $VARIANTS"; fi
WORK="$(mktemp -d -t covenant-startup.XXXXXX)"
APP_PID=""


stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}
cleanup() { stop_app; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM

bench_use_jdk 25
bench_build_jar
cp "$JAR" "$WORK/covenant.jar"
if [ -n "${BENCH_BASELINE_JAR:-}" ]; then cp "$BENCH_BASELINE_JAR" "$WORK/before.jar"; fi

if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health" 2>/dev/null; then
  echo "Something already answers on port $PORT; set BENCH_PORT to a free port." >&2
  exit 1
fi

# The same steps as the Dockerfile: extract, then one training run that stops once the context is refreshed.
bench_log "Extracting the jar and recording the AOT cache (training run)"
"$JAVA" -Djarmode=tools -jar "$WORK/covenant.jar" extract --destination "$WORK/extracted" >/dev/null
mkdir -p "$WORK/seeded"
env DATA_DIR="$WORK/seeded" PORT="$PORT" SERVER_ADDRESS=127.0.0.1 \
  "$JAVA" -XX:AOTCacheOutput="$WORK/app.aot" -Dspring.context.exit=onRefresh \
  -jar "$WORK/extracted/covenant.jar" >"$WORK/training.log" 2>&1 \
  || { echo "The training run failed:" >&2; tail -n 40 "$WORK/training.log" >&2; exit 1; }

command_of() {
  case "$1" in
    before) echo "-jar $WORK/before.jar" ;;
    plain) echo "-jar $WORK/covenant.jar" ;;
    extract) echo "-jar $WORK/extracted/covenant.jar" ;;
    aot) echo "-XX:AOTCache=$WORK/app.aot -jar $WORK/extracted/covenant.jar" ;;
    *) echo "Unknown variant $1 (plain, extract, aot)" >&2; exit 1 ;;
  esac
}

# One start: milliseconds from launching the JVM to the first healthy answer, on stdout.
measure() {
  local variant="$1" run="$2" data="$WORK/data-$1-$2" started ended
  if [ "$DATA_MODE" = seeded ]; then cp -a "$WORK/seeded" "$data"; else mkdir -p "$data"; fi
  started=$(date +%s%N)
  # shellcheck disable=SC2046 # the variant's options are words on purpose
  env DATA_DIR="$data" PORT="$PORT" SERVER_ADDRESS=127.0.0.1 \
    "$JAVA" ${BENCH_APP_JAVA_OPTS:-} $(command_of "$variant") >"$WORK/$variant-$run.log" 2>&1 &
  APP_PID=$!
  until curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/health" 2>/dev/null; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      echo "The application ($variant) stopped during startup:" >&2; tail -n 40 "$WORK/$variant-$run.log" >&2; exit 1
    fi
    if [ $(( ($(date +%s%N) - started) / 1000000000 )) -gt 300 ]; then
      echo "No healthy application ($variant) after 300 s" >&2; exit 1
    fi
    sleep 0.1
  done
  ended=$(date +%s%N)
  stop_app
  rm -rf "$data"
  echo $(( (ended - started) / 1000000 ))
}

median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : int((v[NR/2] + v[NR/2+1]) / 2)}'; }
seconds() { awk -v ms="$1" 'BEGIN {printf "%.1f", ms / 1000}'; }

bench_log "$ROUNDS rounds of: $VARIANTS ($DATA_MODE DATA_DIR); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A TIMES
for round in $(seq 1 "$ROUNDS"); do
  for variant in $VARIANTS; do
    ms="$(measure "$variant" "$round")"
    TIMES[$variant]="${TIMES[$variant]:-} $ms"
    printf '  round %s  %-8s %6s s   (load %s)\n' "$round" "$variant" "$(seconds "$ms")" "$(cut -d' ' -f1 /proc/loadavg)"
  done
done

echo
echo "Start to healthy, median of $ROUNDS ($DATA_MODE DATA_DIR, $(nproc) CPUs, load average now $(cut -d' ' -f1-3 /proc/loadavg), $("$JAVA" -version 2>&1 | head -n 1)):"
first=""
for variant in $VARIANTS; do
  med="$(printf '%s\n' ${TIMES[$variant]} | median)"
  [ -n "$first" ] || first="$med"
  printf '  %-8s %6s s   %5s of the first   java %s\n' "$variant" "$(seconds "$med")" \
    "$(awk -v a="$med" -v b="$first" 'BEGIN {printf "%.2f", a / b}')" "$(command_of "$variant" | sed "s|$WORK/||g")"
done
