#!/usr/bin/env bash
# Covenant insurance list benchmark (issue 10): compiles the application, then runs bench/InsuranceBench.java on
# its test classpath. It starts the application in-process on a fresh PostgreSQL database (dropped afterwards),
# generates 10,000 subs, 100,000 COIs and 400,000 policies, and prints p50/p99 of the certificate lists over HTTP
# against the same SQL run directly. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

bench_use_jdk 21
bench_run_on_test_classpath bench/InsuranceBench.java
