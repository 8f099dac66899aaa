#!/usr/bin/env bash
# Covenant audit benchmark (issue 8): compiles the application, then runs bench/AuditBench.java on its
# test classpath. It starts the application in-process on a fresh PostgreSQL database (dropped afterwards)
# and prints audited vs plain writes per second. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

WORK="$(mktemp -d -t covenant-audit-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT INT TERM

if [ -z "${JAVA_HOME:-}" ]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/javac" ]; then JAVA_HOME="$candidate"; break; fi
  done
fi
export JAVA_HOME

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  printf '==> Compiling the application\n' >&2
  ./mvnw -B -q -ntp -Dmaven.test.skip=true compile
fi
printf '==> Resolving the test classpath\n' >&2
./mvnw -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null

printf '==> Running bench/AuditBench.java\n' >&2
"$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:-} -cp "target/classes:$(cat "$WORK/classpath.txt")" bench/AuditBench.java
