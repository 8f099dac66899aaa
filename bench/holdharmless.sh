#!/usr/bin/env bash
# Covenant hold-harmless benchmark (issue 13): compiles the application, then runs bench/HoldHarmlessBench.java on
# its test classpath. It starts the application in-process on a fresh PostgreSQL database (dropped afterwards),
# generates one organization with 100,000 certificates and 100,000 hold-harmless agreements, and prints p50/p99 of
# the statistics and the two lists over HTTP against the same SQL run directly. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

bench_use_jdk 21
bench_run_on_test_classpath bench/HoldHarmlessBench.java
