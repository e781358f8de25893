#!/usr/bin/env bash
# drift-check benchmark: DuckDB over 5 million feature-store rows x 33 features; one aggregate query for
# all features (what drift-check sends) against one query per feature (the handoff's way) and against the
# UNNEST ... WITH OFFSET shape, timed in the same run on the same data. Not part of `./mvnw verify`.
#
#   src/bench/drift-check/run.sh                 # 5,000,000 rows, 3 runs
#   ROWS=1000000 RUNS=5 src/bench/drift-check/run.sh
#
# The generated database is kept in src/bench/work/drift-check/ (git-ignored) and reused on the next run.
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROWS=${ROWS:-5000000}
RUNS=${RUNS:-3}
./mvnw -q -B test-compile
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
java -Xmx2g -cp "target/classes:target/test-classes:$(cat "$cp_file")" src/bench/drift-check/DriftCheckBench.java \
  --rows "$ROWS" --runs "$RUNS" --work src/bench/work/drift-check
