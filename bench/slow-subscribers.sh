#!/usr/bin/env bash
# 10,000 slow subscribers against a memory budget (issue 9, opt-in): starts a TernMQ broker with the budget set,
# runs `ternmq bench slow-subscribers` (subscribers that stop reading, one paced QoS 0 publisher), samples the
# broker's resident memory, then prints the broker's memory-budget and drop counters from its /metrics.
#
#   bench/slow-subscribers.sh [--connections 10000] [--rate 20] [--seconds 60] [--size 256] [--no-build]
#       [--client-memory 16KB] [--max-memory 256MB] [--send-buffer 16KB] [--out DIR]
# The kernel send buffer is fixed (limits.socket_send_buffer): left to the OS, 10,000 stuck connections would take
# about 14 GB of kernel TCP memory, far beyond tcp_mem, stalling every TCP socket of the machine.
# BROKER_JAVA_OPTS: JVM flags for the broker (default -Xmx1g).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../.mvn/find-jdk.sh
. "$root/.mvn/find-jdk.sh"
ternmq_find_jdk || exit 1
java=$JAVA_HOME/bin/java

connections=10000 rate=20 seconds=60 size=256 build=yes client_memory=16KB max_memory=256MB send_buffer=16KB out=""
port=18860 admin_port=18861
while (( $# )); do
  case $1 in
    --connections) connections=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --client-memory) client_memory=$2; shift 2 ;;
    --max-memory) max_memory=$2; shift 2 ;;
    --send-buffer) send_buffer=$2; shift 2 ;;
    --no-build) build=no; shift ;;
    --out) out=$2; shift 2 ;;
    *) echo "slow-subscribers.sh: unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
out=${out:-$(mktemp -d /tmp/ternmq-slow.XXXXXX)}
mkdir -p "$out"
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

if [[ $build == yes ]]; then
  (cd "$root" && ./mvnw -q -B -DskipTests package -pl server,bench -am)
fi
native=(--enable-native-access=ALL-UNNAMED -Dio.netty.noUnsafe=false)
if (( ternmq_java_feature >= 23 )); then native+=(--sun-misc-unsafe-memory-access=allow); fi
read -r -a broker_opts <<< "${BROKER_JAVA_OPTS:--Xmx1g}"

nice -n 10 "$java" "${native[@]}" "${broker_opts[@]}" -Dternmq.log.level=WARN \
  -cp "$root/server/target/ternmq-server.jar:$root/server/target/lib/*" io.ternmq.server.Main start \
  --port "$port" --storage-mode memory --set admin.enabled=true --set admin.port="$admin_port" --set log.level=WARN \
  --set limits.max_client_memory="$client_memory" --set limits.max_memory="$max_memory" \
  --set limits.socket_send_buffer="$send_buffer" \
  >"$out/broker.log" 2>&1 &
broker=$!
trap 'kill "$broker" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$admin_port/health/ready" >/dev/null 2>&1 && break
  sleep 0.2
done

# while the load runs: the budget's used bytes and the slow-consumer drops every 5 s (the end is after the close)
(
  while kill -0 "$broker" 2>/dev/null; do
    curl -sf "http://127.0.0.1:$admin_port/metrics" | awk -v t="$(date -u +%H:%M:%S)" '
      index($0, "ternmq_memory_budget_used_bytes ") == 1 {used = $NF}
      index($0, "ternmq_messages_dropped_total{reason=\"slow_consumer\"}") == 1 {drops = $NF}
      index($0, "ternmq_clients_connected ") == 1 {clients = $NF}
      END {printf "%s,%.0f,%.0f,%.0f\n", t, clients, used, drops}' >>"$out/budget.csv" || true
    sleep 5
  done
) &
nice -n 10 "$java" "${native[@]}" -cp "$root/bench/target/ternmq-bench.jar:$root/bench/target/lib/*" \
  io.ternmq.bench.BenchCommand slow-subscribers --port "$port" --connections "$connections" --rate "$rate" \
  --duration "$seconds" --size "$size" --broker-pid "$broker" 2>&1 | tee "$out/bench.out"
curl -sf "http://127.0.0.1:$admin_port/metrics" >"$out/metrics.txt"
grep -E '^ternmq_memory_|^ternmq_messages_dropped_total|^ternmq_messages_delivered_total|^ternmq_clients_connected' \
  "$out/metrics.txt"
echo "under load (time, clients, budget used bytes, slow-consumer drops): $(sort -t, -k3 -n "$out/budget.csv" | tail -1)"
echo "broker RSS at the end: $(awk '/^VmRSS:/ {print $2 " " $3}' "/proc/$broker/status")"
echo "results in $out"
