#!/usr/bin/env bash
# Soak run (issue 9, opt-in): a TernMQ broker under paced mixed load with connect churn (`ternmq bench soak`) for
# --minutes, its resident memory (/proc/PID/status VmRSS) and heap (admin /metrics: jvm_memory_used_bytes of the
# heap pools as found, then again right after a GC forced with jcmd GC.run: the live set) sampled every minute into
# samples.csv, with the memory budget's used bytes and the slow-consumer drops.
#
#   bench/soak.sh                        30 minutes, broker and generator at nice 10
#   bench/soak.sh --minutes 5 --out DIR  shorter, results in DIR (default: a fresh temp dir)
#   bench/soak.sh --no-build             use the jars already built in server/target and bench/target
#
# The jars are copied to the output directory first, so that rebuilding the worktree during the run is harmless.
# BROKER_JAVA_OPTS: JVM flags for the broker (default -Xmx512m). Prints the first/last/max figures at the end.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../.mvn/find-jdk.sh
. "$root/.mvn/find-jdk.sh"
ternmq_find_jdk || exit 1
java=$JAVA_HOME/bin/java

minutes=30 out="" build=yes port=18870 admin_port=18871
while (( $# )); do
  case $1 in
    --minutes) minutes=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --no-build) build=no; shift ;;
    --port) port=$2; admin_port=$(( $2 + 1 )); shift 2 ;;
    *) echo "soak.sh: unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
out=${out:-$(mktemp -d /tmp/ternmq-soak.XXXXXX)}
mkdir -p "$out/app"

if [[ $build == yes ]]; then
  echo "building the server and the bench module ..." >&2
  (cd "$root" && ./mvnw -q -B -DskipTests package -pl server,bench -am)
fi
cp -r "$root/server/target/ternmq-server.jar" "$root/server/target/lib" "$out/app/" 
mkdir -p "$out/app/bench"
cp -r "$root/bench/target/ternmq-bench.jar" "$root/bench/target/lib" "$out/app/bench/"

native=(--enable-native-access=ALL-UNNAMED -Dio.netty.noUnsafe=false)
if (( ternmq_java_feature >= 23 )); then native+=(--sun-misc-unsafe-memory-access=allow); fi
read -r -a broker_opts <<< "${BROKER_JAVA_OPTS:--Xmx512m}"

nice -n 10 "$java" "${native[@]}" "${broker_opts[@]}" -Dternmq.log.level=WARN \
  -cp "$out/app/ternmq-server.jar:$out/app/lib/*" io.ternmq.server.Main start \
  --port "$port" --data-dir "$out/data" --set admin.enabled=true --set admin.port="$admin_port" --set log.level=WARN \
  >"$out/broker.log" 2>&1 &
broker=$!
trap 'kill "$broker" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$admin_port/health/ready" >/dev/null 2>&1 && break
  sleep 0.2
done

metric() { # prefix of a Prometheus sample line -> the sum of the matching samples, from stdin
  awk -v prefix="$1" 'index($0, prefix) == 1 {sum += $NF} END {printf "%.0f", sum}'
}

sample() { # minute -> one CSV line
  local rss heap live
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$broker/status")
  local metrics
  metrics=$(curl -sf "http://127.0.0.1:$admin_port/metrics" || true)
  heap=$(metric 'jvm_memory_used_bytes{area="heap"' <<<"$metrics")
  live=$(metric 'jvm_gc_live_data_size_bytes' <<<"$metrics")
  local budget
  budget=$(metric 'ternmq_memory_budget_used_bytes' <<<"$metrics")
  local drops
  drops=$(metric 'ternmq_messages_dropped_total{reason="slow_consumer"' <<<"$metrics")
  # the heap's live set: used heap right after a full collection (one forced GC per sample, a few ms)
  "$JAVA_HOME/bin/jcmd" "$broker" GC.run >/dev/null 2>&1 || true
  local after
  after=$(curl -sf "http://127.0.0.1:$admin_port/metrics" | metric 'jvm_memory_used_bytes{area="heap"')
  echo "$1,$(date -u +%H:%M:%S),$rss,$heap,$after,${live:-},${budget:-},${drops:-}"
}

echo "minute,time_utc,rss_kib,heap_used_bytes,heap_after_gc_bytes,live_data_bytes,budget_used_bytes,slow_consumer_drops" \
  >"$out/samples.csv"
sample 0 >>"$out/samples.csv"
nice -n 10 "$java" "${native[@]}" -cp "$out/app/bench/ternmq-bench.jar:$out/app/bench/lib/*" \
  io.ternmq.bench.BenchCommand soak --port "$port" --duration $(( minutes * 60 )) --io-threads 1 \
  >"$out/bench.out" 2>"$out/bench.err" &
generator=$!
for (( m = 1; m <= minutes; m++ )); do
  sleep 60
  sample "$m" >>"$out/samples.csv"
done
wait "$generator" || echo "soak.sh: the generator reported errors (see $out/bench.err)" >&2
sample end >>"$out/samples.csv"

echo "results in $out"
tail -n 3 "$out/bench.err"
awk -F, 'NR == 2 {first_rss = $3; first_heap = $4; first_live = $5}
  NR > 1 {last_rss = $3; last_heap = $4; last_live = $5
          if ($3 > max_rss) max_rss = $3; if ($4 > max_heap) max_heap = $4; if ($5 > max_live) max_live = $5}
  END {printf "RSS KiB first %d last %d max %d; heap used bytes first %d last %d max %d; ", first_rss, last_rss,
       max_rss, first_heap, last_heap, max_heap
       printf "heap after GC bytes first %d last %d max %d\n", first_live, last_live, max_live}' "$out/samples.csv"
