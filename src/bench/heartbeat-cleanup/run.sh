#!/usr/bin/env bash
# heartbeat-cleanup benchmarks, on one private Firestore emulator:
#  1. throughput: `props-ops heartbeat-cleanup --execute` versus `firebase firestore:delete --recursive`
#     (firebase-tools), same emulator, same seeded collection (N legacy docs of 30 processors plus their 30
#     canonical docs), side by side, for N in $SIZES; docs deleted per second of wall-clock time, each
#     command timed from start to exit (process start-up included for both);
#  2. memory: peak RSS of the cleanup job at $MEMORY_SIZES legacy docs, on a JVM whose heap is fixed and
#     touched up front (-Xms = -Xmx = $XMX, -XX:+AlwaysPreTouch): heap expansion cannot blur the figure, and
#     memory that grew with the collection would show as a higher RSS or an OutOfMemoryError.
# Usage: src/bench/heartbeat-cleanup/run.sh            (from anywhere; results in src/bench/work/)
#        SIZES="20000" MEMORY_SIZES="" REPEAT=1 src/bench/heartbeat-cleanup/run.sh   (a quick run)
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$PWD
WORK=$ROOT/src/bench/work
SIZES=${SIZES:-"20000 100000"}
MEMORY_SIZES=${MEMORY_SIZES-"20000 200000"}
REPEAT=${REPEAT:-2}
XMX=${XMX:-128m}
# props-ops runs here as the JVM jar (the native binary cannot be built on these machines). Its production form
# is a native binary: no JIT and millisecond start-up. The closest JVM stand-in for a short CLI run is the C1
# compiler only (no C2 compilation threads competing with the emulator for the 2 cores) and the serial GC; the
# JVM's defaults are measured too (PROPS_OPS_DEFAULT_JVM=0 skips them).
CLI_JVM_OPTS=${CLI_JVM_OPTS:-"-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"}
PROPS_OPS_DEFAULT_JVM=${PROPS_OPS_DEFAULT_JVM:-1}
FIREBASE_TOOLS_VERSION=15.34.2
mkdir -p "$WORK/node" "$WORK/classes"
RESULTS=$WORK/heartbeat-cleanup-results.txt
: > "$RESULTS"
say() { echo "$*" | tee -a "$RESULTS"; }

# --- what the runs need --------------------------------------------------------------------------------
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q package -DskipTests
if [ ! -x "$WORK/node/node_modules/.bin/firebase" ]; then
  npm install --prefix "$WORK/node" --no-audit --no-fund --loglevel=error "firebase-tools@$FIREBASE_TOOLS_VERSION"
fi
CP="target/quarkus-app/app/*:target/quarkus-app/lib/main/*"
javac -cp "$CP" -d "$WORK/classes" src/bench/heartbeat-cleanup/Seed.java
SDK=$(gcloud info --format='value(installation.sdk_root)' 2>/dev/null || echo /usr/lib/google-cloud-sdk)
EMULATOR_JAR=${PROPS_OPS_FIRESTORE_EMULATOR_JAR:-$SDK/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar}
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
HOST=127.0.0.1:$PORT

# --- one emulator for everything, always stopped ----------------------------------------------------------
java -Xmx3g -cp "$EMULATOR_JAR" com.google.cloud.datastore.emulator.firestore.CloudFirestore start \
  --host=127.0.0.1 --port="$PORT" > "$WORK/emulator.log" 2>&1 &
EMULATOR_PID=$!
trap 'kill $EMULATOR_PID 2>/dev/null; wait $EMULATOR_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://$HOST/" >/dev/null && break; sleep 0.2; done
curl -sf "http://$HOST/" >/dev/null || { echo "the emulator did not start: see $WORK/emulator.log" >&2; exit 1; }

seed()  { java -cp "$CP:$WORK/classes" Seed seed "$HOST" "$1" 2>/dev/null; }
count() { java -cp "$CP:$WORK/classes" Seed count "$HOST" 2>/dev/null; }
reset() { curl -sf -X DELETE "http://$HOST/emulator/v1/projects/demo-props-ops/databases/(default)/documents" >/dev/null; }
now()   { date +%s.%N; }

props_ops_with() {
  # shellcheck disable=SC2086 # the JVM options are words
  FIRESTORE_EMULATOR_HOST=$HOST java $1 -jar target/quarkus-app/quarkus-run.jar heartbeat-cleanup \
    --execute --yes --min-age 0s --max-deletes 100000000 > "$WORK/props-ops.out" 2> "$WORK/props-ops.err"
}
props_ops() { props_ops_with "$CLI_JVM_OPTS"; }
props_ops_default_jvm() { props_ops_with ""; }
firebase_delete() {
  (cd "$WORK/node" && FIREBASE_TOKEN=owner FIRESTORE_EMULATOR_HOST=$HOST node_modules/.bin/firebase \
    firestore:delete processor_heartbeats --recursive --project demo-props-ops --force > "$WORK/firebase.out" 2>&1) || true
}

# time_run NAME COMMAND N -> prints "seconds deleted"
time_run() {
  local name=$1 cmd=$2 n=$3
  reset; local seeded; seeded=$(seed "$n")
  local t0 t1 left; t0=$(now); $cmd; t1=$(now); left=$(count)
  echo "$(echo "$t1 - $t0" | bc -l) $((seeded - left)) $left"
}

# fixed cost of each command (process start, client set-up, one empty pass): the median of 3 runs on an empty collection
fixed() {
  local cmd=$1 t=()
  for _ in 1 2 3; do reset; local t0 t1; t0=$(now); $cmd; t1=$(now); t+=("$(echo "$t1 - $t0" | bc -l)"); done
  printf '%s\n' "${t[@]}" | sort -n | sed -n 2p
}
FIXED_FB=$(fixed firebase_delete)
FIXED_PO=$(fixed props_ops)
FIXED_PD=$FIXED_PO
[ "$PROPS_OPS_DEFAULT_JVM" = 1 ] && FIXED_PD=$(fixed props_ops_default_jvm)

say "heartbeat-cleanup throughput, $(date -u +%FT%TZ), $(nproc) cores, emulator on $HOST, firebase-tools $FIREBASE_TOOLS_VERSION"
say "(wall: docs deleted / wall-clock seconds of the whole command; steady: the same after subtracting each command's"
say " fixed cost on an empty collection: firebase $(printf '%.2f' "$FIXED_FB")s, props-ops $(printf '%.2f' "$FIXED_PO")s on a JVM"
say " with $CLI_JVM_OPTS, $(printf '%.2f' "$FIXED_PD")s with the JVM's defaults; props-ops keeps the 30 canonical docs,"
say " firebase deletes them too)"

# one_tool NAME COMMAND FIXED N FIREBASE_SECONDS FIREBASE_DELETED -> one line comparing COMMAND with firebase
one_tool() {
  local name=$1 cmd=$2 fixed_cost=$3 n=$4 fs=$5 fd=$6 ps pd pl
  read -r ps pd pl <<<"$(time_run "$name" "$cmd" "$n")"
  [ "$pl" = 30 ] || say "!! $name left $pl docs (expected the 30 canonical docs)"
  local fw pw fst pst
  fw=$(echo "$fd / $fs" | bc -l); pw=$(echo "$pd / $ps" | bc -l)
  fst=$(echo "$fd / ($fs - $FIXED_FB)" | bc -l); pst=$(echo "$pd / ($ps - $fixed_cost)" | bc -l)
  say "$(printf '   %-24s %6d in %6.2fs: wall %6.0f/s steady %6.0f/s | ratio to firebase: wall %.2fx steady %.2fx' \
    "$name" "$pd" "$ps" "$pw" "$pst" "$(echo "$pw / $fw" | bc -l)" "$(echo "$pst / $fst" | bc -l)")"
}

for n in $SIZES; do
  for r in $(seq 1 "$REPEAT"); do
    read -r fs fd fl <<<"$(time_run firebase firebase_delete "$n")"
    [ "$fl" = 0 ] || say "!! firebase left $fl docs"
    say "$(printf '%7d legacy docs, run %d: firebase %6d in %6.2fs: wall %6.0f/s steady %6.0f/s' \
      "$n" "$r" "$fd" "$fs" "$(echo "$fd / $fs" | bc -l)" "$(echo "$fd / ($fs - $FIXED_FB)" | bc -l)")"
    one_tool "props-ops (CLI JVM)" props_ops "$FIXED_PO" "$n" "$fs" "$fd"
    if [ "$PROPS_OPS_DEFAULT_JVM" = 1 ]; then
      one_tool "props-ops (default JVM)" props_ops_default_jvm "$FIXED_PD" "$n" "$fs" "$fd"
    fi
  done
done

if [ -n "$MEMORY_SIZES" ]; then
  say ""
  say "heartbeat-cleanup peak memory (RSS, /usr/bin/time -v), JVM -Xms$XMX -Xmx$XMX -XX:+AlwaysPreTouch"
  for n in $MEMORY_SIZES; do
    reset; seed "$n" >/dev/null
    FIRESTORE_EMULATOR_HOST=$HOST /usr/bin/time -v java -Xms"$XMX" -Xmx"$XMX" -XX:+AlwaysPreTouch -jar target/quarkus-app/quarkus-run.jar heartbeat-cleanup \
      --execute --yes --min-age 0s --max-deletes 100000000 > "$WORK/props-ops.out" 2> "$WORK/props-ops-mem.err"
    rss=$(grep 'Maximum resident set size' "$WORK/props-ops-mem.err" | awk '{print $NF}')
    secs=$(grep 'Elapsed (wall clock)' "$WORK/props-ops-mem.err" | awk '{print $NF}')
    say "$(printf '%7d legacy docs: peak RSS %6.1f MiB, wall %s, docs left %s' "$n" "$(echo "$rss / 1024" | bc -l)" "$secs" "$(count)")"
  done
fi
say ""
say "results: $RESULTS"
