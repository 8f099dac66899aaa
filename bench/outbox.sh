#!/usr/bin/env bash
# Covenant outbox benchmark (issue 4): compiles the application, then runs bench/OutboxBench.java on its
# test classpath. It starts GreenMail on a free loopback port and the application in-process on a fresh
# PostgreSQL database (dropped afterwards), and prints outbox vs raw SMTP throughput. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

bench_use_jdk 21
bench_run_on_test_classpath bench/OutboxBench.java
