#!/usr/bin/env bash
# log-triage benchmarks (method and figures in README.md beside this script). Not part of `./mvnw verify`.
#  1. grouping accuracy (GA) on Loghub-2k: the miner alone (dev.propsops.logs.grouping.LoghubGa, in file
#     order and in $ORDERS random orders), Drain3 in the same run (drain3_peer.py, with its defaults and with
#     its example masking), and, where the build
#     has the log-triage subcommand, the real CLI: each dataset as a `gcloud logging read --format=json`
#     file, `log-triage --input F --assignments A`, A scored against EventId; the CLI and the miner agree
#     when the two columns are equal;
#  2. the miner alone: messages per second and retained heap at $MESSAGES and a tenth of it
#     (MinerThroughput), against Drain3 on $PEER_MESSAGES messages of the same stream;
#  3. end to end (needs the log-triage subcommand): entries per second and peak RSS of
#     `log-triage --input F` on generated exports of $ENTRIES entries, against
#     `jq -r '.[].textPayload' F | sort | uniq -c` (the handoff's way) on the same file.
# Usage: src/bench/log-triage/run.sh                 (from anywhere; results in src/bench/work/)
#        PARTS="ga" src/bench/log-triage/run.sh      (only part 1; PARTS is any of: ga miner e2e)
# Drain3 is not vendored: DRAIN3_DIR names a checkout of https://github.com/logpai/Drain3 (default
# src/bench/work/Drain3); its imports (cachetools, jsonpickle) come from Debian's python3-cachetools and
# python3-jsonpickle, which the script installs when missing.
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$PWD
BENCH=$ROOT/src/bench/log-triage
WORK=$ROOT/src/bench/work/log-triage
if [ -z "${LOGHUB_DIR:-}" ]; then
  LOGHUB_DIR=$ROOT/../shared/loghub # beside the checkout, as on the project's machines and CI
  [ -d "$LOGHUB_DIR" ] || LOGHUB_DIR=/work/shared/loghub
fi
DRAIN3_DIR=${DRAIN3_DIR:-$ROOT/src/bench/work/Drain3}
PARTS=${PARTS:-"ga miner e2e"}
MESSAGES=${MESSAGES:-1000000}
PEER_MESSAGES=${PEER_MESSAGES:-200000}
ORDERS=${ORDERS:-10}
ENTRIES=${ENTRIES:-"100000 1000000"}
# options for the CLI's JVM in parts 1 and 3 (none: the JVM's defaults)
JVM_OPTS=${JVM_OPTS:-}
PY=/usr/bin/python3 # Debian's, where python3-cachetools and python3-jsonpickle install

for part in $PARTS; do
  case $part in ga | miner | e2e) ;; *) echo "unknown part '$part' in PARTS: use any of ga miner e2e" >&2; exit 2 ;; esac
done
[ -f "$LOGHUB_DIR/Android/Android_2k.log_structured.csv" ] \
  || { echo "Loghub-2k not found at $LOGHUB_DIR: set LOGHUB_DIR" >&2; exit 2; }
mkdir -p "$WORK"
RESULTS=$ROOT/src/bench/work/log-triage-results.txt
: > "$RESULTS"
say() { echo "$*" | tee -a "$RESULTS"; }
has() { [[ " $PARTS " == *" $1 "* ]]; }

# --- what the runs need ------------------------------------------------------------------------------------
./mvnw -q -B package -DskipTests # the jar the CLI parts run, and the harness classes (test-compile)
HARNESS_CP=target/classes:target/test-classes
JAR=target/quarkus-app/quarkus-run.jar
CLI=0
# an unknown subcommand prints the top-level help: look for the option the GA part needs
if java -jar "$JAR" log-triage --help 2>&1 | grep -q -- '--assignments'; then CLI=1; fi

PEER=0
if [ -f "$DRAIN3_DIR/drain3/drain.py" ]; then
  if ! "$PY" -c 'import cachetools, jsonpickle' 2>/dev/null; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-cachetools python3-jsonpickle) \
      > "$WORK/apt.log" 2>&1 || true
  fi
  if "$PY" -c 'import cachetools, jsonpickle' 2>/dev/null; then PEER=1; fi
fi
if [ "$PEER" = 0 ]; then
  say "!!! no Drain3 peer in this run: DRAIN3_DIR=$DRAIN3_DIR must be a checkout of https://github.com/logpai/Drain3"
  say "    with python3-cachetools and python3-jsonpickle installed; the README's Drain3 figures are then not from this run"
fi
say "log-triage benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
drain3_version() {
  if [ -d "$DRAIN3_DIR/.git" ]; then git -C "$DRAIN3_DIR" rev-parse --short HEAD; else
    sed -n 's/^version = "\(.*\)"/\1/p' "$DRAIN3_DIR/pyproject.toml" 2>/dev/null | head -1; fi
}
say "Loghub-2k: $LOGHUB_DIR; Drain3: $([ "$PEER" = 1 ] && echo "$DRAIN3_DIR, version $(drain3_version)" || echo none)"

# --- 1. grouping accuracy ---------------------------------------------------------------------------------
if has ga; then
  say ""
  say "== 1. grouping accuracy (Zhu et al. 2019) on Loghub-2k, one configuration for all datasets"
  java -cp "$HARNESS_CP" dev.propsops.logs.grouping.LoghubGa --dir "$LOGHUB_DIR" --assignments "$WORK/miner" \
    > "$WORK/ga-miner.txt"
  # the scorer that scores the CLI, on the miner's own assignments: it must give the harness's figures
  scorer_ok=1
  while read -r d ga; do
    [ "$d" = dataset ] || [ "$d" = average ] && continue
    again=$("$PY" "$BENCH/score_assignments.py" "$LOGHUB_DIR" "$d" "$WORK/miner/$d.csv")
    [ "$again" = "$ga" ] || { scorer_ok=0; say "!!! $d: the harness says $ga, score_assignments.py says $again"; }
  done < <(awk '{print $1, $2}' "$WORK/ga-miner.txt")
  if [ "$PEER" = 1 ]; then
    "$PY" "$BENCH/drain3_peer.py" "$DRAIN3_DIR" "$LOGHUB_DIR" ga > "$WORK/ga-drain3.txt"
  else
    printf 'dataset\n' > "$WORK/ga-drain3.txt"
  fi
  : > "$WORK/ga-cli.txt"
  if [ "$CLI" = 1 ]; then
    awk 'NR > 1 && $1 != "average" {print $1}' "$WORK/ga-miner.txt" > "$WORK/ga-datasets.txt"
    while read -r d; do
      "$PY" "$BENCH/gcloud_export.py" ga "$LOGHUB_DIR" "$d" "$WORK/ga-$d.json"
      rm -f "$WORK/ga-$d.csv"
      set +e
      # shellcheck disable=SC2086 # the JVM options are words
      java $JVM_OPTS -jar "$JAR" log-triage --input "$WORK/ga-$d.json" --assignments "$WORK/ga-$d.csv" --fail-on never \
        --output json > "$WORK/ga-$d.out" 2> "$WORK/ga-$d.err"
      code=$?
      set -e
      if [ -f "$WORK/ga-$d.csv" ]; then
        echo "$d $("$PY" "$BENCH/score_assignments.py" "$LOGHUB_DIR" "$d" "$WORK/ga-$d.csv" 2>&1)" >> "$WORK/ga-cli.txt"
      else
        echo "$d no-assignments(exit-$code)" >> "$WORK/ga-cli.txt"
      fi
    done < "$WORK/ga-datasets.txt"
  fi
  # one table: dataset, miner, CLI, Drain3 defaults, Drain3 example masking
  awk -v cli="$CLI" '
    FILENAME ~ /ga-cli/ { c[$1] = $2; if ($2 ~ /^[0-9.]+$/) { cs += $2; cn++ } next }
    FILENAME ~ /ga-drain3/ { if (FNR > 1) { dd[$1] = $2; dm[$1] = $3 } next }
    FNR == 1 { printf "%-12s %7s %7s %16s %22s\n", "dataset", "miner", "CLI", "Drain3 defaults", "Drain3 example mask"; next }
    { ci = ($1 in c) ? c[$1] : (cli == 1 ? "?" : "-")
      if ($1 == "average") ci = (cli == 1 && cn > 0) ? sprintf("%.3f", cs / cn) : "-"
      printf "%-12s %7s %7s %16s %22s\n", $1, $2, ci, ($1 in dd) ? dd[$1] : "-", ($1 in dm) ? dm[$1] : "-" }
  ' "$WORK/ga-cli.txt" "$WORK/ga-drain3.txt" "$WORK/ga-miner.txt" > "$WORK/ga-table.txt"
  tee -a "$RESULTS" < "$WORK/ga-table.txt"
  [ "$scorer_ok" = 1 ] && say "score_assignments.py, fed the miner's assignments, gives the miner column on every dataset"
  say "-- the miner is online, so the order of the lines matters: $ORDERS random orders of each dataset"
  java -cp "$HARNESS_CP" dev.propsops.logs.grouping.LoghubGa --dir "$LOGHUB_DIR" --shuffled "$ORDERS" | tee -a "$RESULTS"
  if [ "$CLI" = 1 ]; then
    if awk 'NR > 1 && $3 != $2 { bad = 1 } END { exit bad }' "$WORK/ga-table.txt"; then
      say "the CLI's assignments score exactly as the miner's on every dataset"
    else
      say "!!! the CLI and the miner differ on some dataset (see $WORK/ga-*.err)"
    fi
  else
    say "(CLI column: this build has no log-triage subcommand yet; the miner column is the grouping it uses)"
  fi
fi

# --- 2. the miner alone -----------------------------------------------------------------------------------
if has miner; then
  say ""
  say "== 2. the miner alone: one miner per dataset, shuffled Loghub-2k lines with every digit redrawn"
  for n in $((MESSAGES / 10)) "$MESSAGES"; do
    say "-- $n messages (TemplateMiner, default JVM, 3 runs in one JVM)"
    java -Xmx1g -cp "$HARNESS_CP" dev.propsops.logs.grouping.MinerThroughput --dir "$LOGHUB_DIR" \
      --messages "$n" --runs 3 | grep '^run' | tee -a "$RESULTS"
  done
  if [ "$PEER" = 1 ]; then
    say "-- $PEER_MESSAGES messages (Drain3, CPython $("$PY" -c 'import platform; print(platform.python_version())'))"
    "$PY" "$BENCH/drain3_peer.py" "$DRAIN3_DIR" "$LOGHUB_DIR" throughput "$PEER_MESSAGES" | tee -a "$RESULTS"
  fi
fi

# --- 3. end to end ----------------------------------------------------------------------------------------
if has e2e; then
  say ""
  say "== 3. end to end: log-triage --input FILE on generated gcloud exports"
  if [ "$CLI" = 0 ]; then
    say "skipped: this build has no log-triage subcommand yet"
  else
    for n in $ENTRIES; do
      f=$WORK/mix-$n.json
      [ -f "$f" ] || "$PY" "$BENCH/gcloud_export.py" mix "$LOGHUB_DIR" "$n" "$f"
      size=$(du -m "$f" | cut -f1)
      cat "$f" > /dev/null # into the page cache, for both tools
      set +e
      # shellcheck disable=SC2086 # the JVM options are words
      /usr/bin/time -v java $JVM_OPTS -jar "$JAR" log-triage --input "$f" --max-entries 100000000 --fail-on never --output json \
        > "$WORK/e2e-$n.out" 2> "$WORK/e2e-$n.err"
      code=$?
      set -e
      wall=$(grep 'Elapsed (wall clock)' "$WORK/e2e-$n.err" | awk '{print $NF}')
      rss=$(grep 'Maximum resident' "$WORK/e2e-$n.err" | awk '{print $NF}')
      secs=$(echo "$wall" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
      say "log-triage $n entries ($size MB): exit $code, $wall wall, $(awk -v n="$n" -v s="$secs" 'BEGIN { printf "%.0f", n / s }') entries/s, peak RSS $((rss / 1024)) MiB"
      echo "$n $rss" >> "$WORK/e2e-rss.txt.new"
      /usr/bin/time -v sh -c "jq -r '.[] | .textPayload // .jsonPayload.message' '$f' | sort | uniq -c | sort -rn > '$WORK/jq-$n.out'" \
        2> "$WORK/jq-$n.err"
      jwall=$(grep 'Elapsed (wall clock)' "$WORK/jq-$n.err" | awk '{print $NF}')
      jsecs=$(echo "$jwall" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
      say "jq | sort | uniq -c $n entries: $jwall wall, $(awk -v n="$n" -v s="$jsecs" 'BEGIN { printf "%.0f", n / s }') entries/s, $(wc -l < "$WORK/jq-$n.out") distinct messages"
    done
    mv "$WORK/e2e-rss.txt.new" "$WORK/e2e-rss.txt"
    say "$(awk 'NR == 1 { a = $2; n = $1 } NR == 2 { printf "peak RSS at %d entries / at %d: %.2fx", $1, n, $2 / a }' "$WORK/e2e-rss.txt")"
  fi
fi
say ""
say "results: $RESULTS"
