# Shared steps of the benchmark scripts (sourced, not run): finding a JDK, building the application, and
# running a single-file benchmark program on the application's test classpath. Each script has already
# moved to the repository root.

bench_log() { printf '==> %s\n' "$*" >&2; }

bench_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}

# Exports JAVA_HOME (and JAVA) as the first JDK of at least version $1: JAVA_HOME itself, Temurin 25, any other.
bench_use_jdk() {
  local minimum="$1" candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] && [ "$(bench_java_major "$candidate")" -ge "$minimum" ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      export JAVA="$candidate/bin/java"
      return 0
    fi
  done
  echo "A JDK $minimum or newer is needed (set JAVA_HOME)." >&2
  exit 1
}

# Builds the application jar (unless BENCH_SKIP_BUILD=1) and sets JAR to its path.
bench_build_jar() {
  if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    bench_log "Building the application jar (tests skipped)"
    ./mvnw -B -q -ntp -Dmaven.test.skip=true package
  fi
  JAR="$(ls target/covenant-*.jar 2>/dev/null | grep -v -e '-plain' -e '\.original' | head -n 1 || true)"
  [ -n "$JAR" ] || { echo "No application jar under target/ (build it, or unset BENCH_SKIP_BUILD)." >&2; exit 1; }
}

# Compiles the application (unless BENCH_SKIP_BUILD=1) and runs the single-file program $1 on its test
# classpath, with BENCH_JAVA_OPTS.
bench_run_on_test_classpath() {
  local program="$1" work
  work="$(mktemp -d -t covenant-bench.XXXXXX)"
  if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    bench_log "Compiling the application"
    ./mvnw -B -q -ntp -Dmaven.test.skip=true compile
  fi
  bench_log "Resolving the test classpath"
  ./mvnw -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt" >/dev/null
  local classpath
  classpath="target/classes:$(cat "$work/classpath.txt")"
  rm -rf "$work"
  bench_log "Running $program"
  "$JAVA" ${BENCH_JAVA_OPTS:-} -cp "$classpath" "$program"
}
