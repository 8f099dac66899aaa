#!/usr/bin/env bash
# Covenant renewal reminder benchmark (issue 12): compiles the application, then runs bench/RemindersBench.java on
# its test classpath with -Xmx512m. It starts the application in-process on the throw-away PostgreSQL database
# covenant_bench_reminders (dropped afterwards unless BENCH_KEEP_DB=1), generates 250,000 COIs with 1,000,000
# policies, and times one reminder run for a day against the raw due-set query plus inserting its rows; peak heap
# at 10 thousand and at 1 million policies. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

export BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx512m}"
bench_use_jdk 21
bench_run_on_test_classpath bench/RemindersBench.java
