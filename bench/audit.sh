#!/usr/bin/env bash
# Covenant audit benchmark (issue 8): compiles the application, then runs bench/AuditBench.java on its
# test classpath. It starts the application in-process on a fresh PostgreSQL database (dropped afterwards)
# and prints audited vs plain writes per second. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

bench_use_jdk 21
bench_run_on_test_classpath bench/AuditBench.java
