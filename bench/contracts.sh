#!/usr/bin/env bash
# Covenant contracts benchmark (issue 14): compiles the application, then runs bench/ContractsBench.java on
# its test classpath. It starts the application in-process on a fresh PostgreSQL database (dropped afterwards),
# generates one organization with BENCH_CONTRACTS (100,000) contracts and a second with a tenth of that, and prints
# p50/p95 of the contract lists, the legal queue, the home page, a detail and a version comparison over HTTP against
# the same SQL run directly. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

bench_use_jdk 21
bench_run_on_test_classpath bench/ContractsBench.java
