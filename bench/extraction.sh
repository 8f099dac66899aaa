#!/usr/bin/env bash
# Covenant ACORD 25 extraction benchmark (issue 11): compiles the application, then runs bench/ExtractionBench.java
# on its test classpath over the stored corpus (src/test/resources/acord25-corpus): p50/p95 time per PDF by kind
# (fillable, flattened; scanned through OCR apart, when Tesseract runs), and the memory of extracting a 20-page
# PDF against PDFBox loading and stripping it. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

bench_use_jdk 21
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx512m}" bench_run_on_test_classpath bench/ExtractionBench.java
