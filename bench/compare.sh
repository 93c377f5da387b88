#!/usr/bin/env bash
# Runs the same `ternmq bench` scenarios against several brokers, alternately, for several rounds in one run,
# each broker pinned to core 0 and the generator to core 1, then prints the medians over rounds and the ratio
# of the first broker to the second.
#
#   bench/compare.sh                                   TernMQ vs Mosquitto, 3 rounds of every scenario
#   bench/compare.sh --brokers "ternmq2 ternmq" --scenarios "fan-in fan-out pairs-qos1 pairs-qos2"
#                                                      TernMQ on cores 0-1 vs on core 0 (scaling; the generator
#                                                      then shares core 1 with the 2-core broker)
#   bench/compare.sh --brokers "ternmq ternmq-own" --scenarios latency
#                                                      sessions on the IO threads vs on threads of their own
#   bench/compare.sh --brokers "ternmq2-half ternmq-half" --scenarios "fan-in fan-out pairs-qos1 pairs-qos2"
#                                                      scaling on a 2-core machine, where the generator needs a core:
#                                                      TernMQ on cores 0-1 capped at one core's time in all (two
#                                                      half cores) vs on core 0 capped at half its time; the
#                                                      generator runs on both cores (needs root and the cgroup v1
#                                                      cpu controller)
#   bench/compare.sh --brokers "ternmq2-split ternmq-half" --broker-warmup 10 ...
#                                                      the same with two half cores modelled more closely: each IO
#                                                      loop thread capped at half of its own core (ternmq2-half's
#                                                      one shared cap lets a single busy thread take a whole core)
#   bench/compare.sh --brokers "ternmq2-split ternmq2-split-unbalanced" --broker-warmup 10 --fresh-brokers ...
#                                                      the same split model with IO loop balancing (the default)
#                                                      against without
#   bench/compare.sh --brokers sink --rounds 1         the generator's ceiling against the trivial sink
#   BASELINE_ROOT=/path/to/other/checkout bench/compare.sh --brokers "ternmq2-half base-ternmq2-half" ...
#                                                      this tree's TernMQ against another commit's, side by side:
#                                                      base-X is broker X built and run from BASELINE_ROOT
#
# Options: --rounds N (3)  --duration S (10)  --warmup S (2)  --scenarios "..." (all seven)  --connections N (10000)
#          --broker-warmup S (0): before round 1, run each scenario for S seconds against each broker, unrecorded,
#                             so that a JVM broker is measured after its JIT compiler has settled, as in production
#          --brokers "..." from: ternmq ternmq2 ternmq-own ternmq-half ternmq2-half ternmq-own-half ternmq2-own-half
#                             ternmq2-split ternmq2-split-balanced ternmq2-split-unbalanced mosquitto sink (2: cores
#                             0-1; own: sessions on threads of their own; half: capped; split: capped per IO loop,
#                             needs --broker-warmup; balanced: sessions.balance_io_threads on, the default since
#                             the thirtieth pass, for baselines from before; unbalanced: off),
#                             and base-X for any TernMQ X (needs BASELINE_ROOT)
#          --fresh-brokers: start every broker afresh (and warm it up again) before each round after the first: one
#                             JVM's compiled code holds for all its rounds, and on two half cores one instance
#                             measured a fifth above another of the same code (bench/RESULTS.md, fifteenth pass)
#          --out DIR (a fresh temp dir)  -- args for the generator
# BROKER_JAVA_OPTS: JVM flags added to the launcher's for the TernMQ broker (it runs through ./ternmq start).
# BASELINE_JAVA_OPTS: the same for the base-X brokers, when set (default BROKER_JAVA_OPTS); with BASELINE_ROOT
#                     a checkout of the same commit, it compares two sets of JVM flags side by side.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../.mvn/find-jdk.sh
. "$root/.mvn/find-jdk.sh"
ternmq_find_jdk || exit 1
java=$JAVA_HOME/bin/java

rounds=3 duration=10 warmup=2 connections=10000 broker_warmup=0 fresh_rounds=0
scenarios="fan-in fan-out pairs-qos1 pairs-qos2 persistent latency connections"
brokers="ternmq mosquitto"
out=""
extra=()
while (( $# )); do
  case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --broker-warmup) broker_warmup=$2; shift 2 ;;
    --fresh-brokers) fresh_rounds=1; shift ;;
    --scenarios) scenarios=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --brokers) brokers=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "compare.sh: unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
out=${out:-$(mktemp -d /tmp/ternmq-compare.XXXXXX)}
mkdir -p "$out"

# Each side holds up to 10,000 sockets.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if (( $(ulimit -n) < connections + 1000 )); then
  echo "compare.sh: open-file limit $(ulimit -n) is below $connections connections; lower --connections" >&2
  exit 2
fi

echo "building the server and the bench module ..." >&2
(cd "$root" && ./mvnw -q -B -DskipTests package -pl server,bench -am)
bench_cp="$root/bench/target/ternmq-bench.jar:$root/bench/target/lib/*"
# The generator runs with the launcher's flags (Netty may use Unsafe; see ./ternmq).
native=(--enable-native-access=ALL-UNNAMED -Dio.netty.noUnsafe=false)
if (( ternmq_java_feature >= 23 )); then native+=(--sun-misc-unsafe-memory-access=allow); fi

declare -A port=([ternmq]=18830 [mosquitto]=18831 [ternmq2]=18832 [sink]=18833 [ternmq-own]=18834
  [ternmq-half]=18835 [ternmq2-half]=18836 [ternmq-own-half]=18837 [ternmq2-own-half]=18838 [ternmq2-split]=18839
  [ternmq2-split-balanced]=18840 [ternmq2-split-unbalanced]=18841)
for name in $brokers; do
  if [[ $name == base-* && -n ${port[${name#base-}]:-} ]]; then
    if [[ ! -x ${BASELINE_ROOT:-}/ternmq ]]; then
      echo "compare.sh: $name needs BASELINE_ROOT, a checkout of the commit to compare against" >&2
      exit 2
    fi
    port[$name]=$(( ${port[${name#base-}]} + 100 ))
    baseline=1
  fi
done
if [[ -n ${baseline:-} ]]; then
  echo "building the baseline server in $BASELINE_ROOT ..." >&2
  (cd "$BASELINE_ROOT" && ./mvnw -q -B -DskipTests package -pl server -am)
  touch "$BASELINE_ROOT/server/target/ternmq-server.jar" # what its launcher's staleness check compares
fi
# With a CPU-capped broker the generator may use both cores: the cap, not the pinning, keeps the broker's share.
generator_cores=1
cgroups=/sys/fs/cgroup/cpu
# The latency scenario's generator polls without sleeping: on a core a broker runs on it would take its time (the
# flag once: picocli refuses an option given twice).
if [[ " $brokers " == *\ ternmq2* || " $brokers " == *\ base-ternmq2* || " $brokers " == *-half\ * ||
      " $brokers " == *-split* ]] && [[ " ${extra[*]} " != *" --no-busy-poll "* ]]; then
  extra=(--no-busy-poll "${extra[@]}")
fi
if [[ " $brokers " == *-half\ * || " $brokers " == *-split* ]]; then
  generator_cores=0,1
  if [[ ! -w $cgroups/cgroup.procs ]]; then
    echo "compare.sh: CPU-capped brokers need write access to the cgroup v1 cpu controller at $cgroups (root)" >&2
    exit 2
  fi
fi

# Becomes the command (call it in a background subshell) in a fresh cgroup whose tasks together get at most
# quota_us of CPU time per 10 ms (a short period: the cap throttles in slices of milliseconds, not of 100 ms).
in_cpu_quota() {
  local group=$cgroups/ternmq-bench-$1 quota_us=$2
  shift 2
  mkdir -p "$group"
  echo 10000 >"$group/cpu.cfs_period_us"
  echo "$quota_us" >"$group/cpu.cfs_quota_us"
  exec sh -c 'echo $$ >"$1/cgroup.procs"; shift; exec "$@"' sh "$group" "$@"
}
# A log per broker instance ($name.1.log, $name.2.log, ...): with --fresh-brokers a round's odd result can be traced
# to what that one instance logged.
declare -A pid=() instances=()

start_broker() {
  local name=$1 p=${port[$1]:-} variant=${1#base-} launcher=$root/ternmq log
  instances[$name]=$(( ${instances[$name]:-0} + 1 ))
  log=$out/$name.${instances[$name]}.log
  [[ $name == base-* ]] && launcher=$BASELINE_ROOT/ternmq
  case $variant in
    ternmq|ternmq2|ternmq-own|ternmq-half|ternmq2-half|ternmq-own-half|ternmq2-own-half|ternmq2-split*)
      local cores=0 threading=io_threads settings=() quota=() opts=${BROKER_JAVA_OPTS:-}
      [[ $name == base-* ]] && opts=${BASELINE_JAVA_OPTS-$opts}
      [[ $variant == ternmq2* ]] && cores=0,1
      [[ $variant == *-own* ]] && threading=own_threads
      # only when on: a baseline from before the key existed would refuse it
      [[ $variant == *-balanced ]] && settings=(--set sessions.balance_io_threads=true)
      [[ $variant == *-unbalanced ]] && settings=(--set sessions.balance_io_threads=false)
      # The JVM counts CPUs from the quota too (one for either cap): tell it how many cores it may run on.
      if [[ $variant == ternmq-*half ]]; then quota=(in_cpu_quota "$name" 5000) opts+=" -XX:ActiveProcessorCount=1"; fi
      if [[ $variant == ternmq2-*half || $variant == ternmq2-split* ]]; then
        quota=(in_cpu_quota "$name" 10000) opts+=" -XX:ActiveProcessorCount=2"
      fi
      # Through the launcher, so that the broker runs with its JVM flags (it execs java: $! is the JVM). Storage
      # mode wal (the CLI's default), so persistent sessions are written to disk. No log line per connection, as
      # Mosquitto's log_dest none (log.level, not -Dternmq.log.level, which the config's default overrides).
      TERNMQ_LOG_LEVEL=WARN JAVA_OPTS="$opts" "${quota[@]}" taskset -c "$cores" "$launcher" start \
        --port "$p" --data-dir "$out/data-$name" --set "sessions.run_on=$threading" "${settings[@]}" >"$log" 2>&1 &
      ;;
    mosquitto)
      # Comparable limits: TernMQ's defaults are 64 in flight and 10,000 queued per client. Nothing on disk:
      # Mosquitto's persistence is a snapshot every autosave_interval (30 min), never within a run, so the
      # persistent scenario keeps its sessions in memory while TernMQ writes each message to RocksDB (wal).
      cat >"$out/mosquitto.conf" <<CONF
listener $p 127.0.0.1
allow_anonymous true
persistence false
max_inflight_messages 64
max_queued_messages 10000
log_dest none
CONF
      taskset -c 0 /usr/sbin/mosquitto -c "$out/mosquitto.conf" >"$log" 2>&1 &
      ;;
    sink)
      taskset -c 0 "$java" "${native[@]}" -cp "$bench_cp" io.ternmq.bench.BenchCommand sink --port "$p" \
        >"$log" 2>&1 &
      ;;
    *) echo "compare.sh: unknown broker $name" >&2; exit 2 ;;
  esac
  pid[$name]=$!
  for _ in $(seq 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "compare.sh: $name did not open port $p (log: $log)" >&2
  exit 1
}

# Two half-speed cores for a ternmq2-split broker, within its one-core cap: each IO loop thread moves into a cgroup
# of its own capped at half a core and is pinned to a core of its own; its other threads (collector, compiler,
# timers) share the rest of the cap. Netty starts a loop's thread at its first task, so after the warm-up.
split_loops() {
  local group=$cgroups/ternmq-bench-$1 core=0 task
  for task in /proc/"${pid[$1]}"/task/*; do
    [[ $(cat "$task/comm" 2>/dev/null) == ternmq-io* ]] || continue
    mkdir -p "$group/loop$core"
    echo 10000 >"$group/loop$core/cpu.cfs_period_us"
    echo 5000 >"$group/loop$core/cpu.cfs_quota_us"
    echo "${task##*/}" >"$group/loop$core/tasks"
    taskset -p -c "$core" "${task##*/}" >/dev/null
    core=$(( core + 1 ))
  done
  if (( core != 2 )); then
    echo "compare.sh: $1 runs $core IO loop threads, not 2 (give it --broker-warmup so that both have started)" >&2
    exit 1
  fi
}

stop_broker() {
  kill "${pid[$1]}" 2>/dev/null || true
  wait "${pid[$1]}" 2>/dev/null || true
  # a capped broker's cgroups, empty once it is gone
  rmdir "$cgroups/ternmq-bench-$1"/loop* "$cgroups/ternmq-bench-$1" 2>/dev/null || true
}

stop_brokers() {
  local name
  for name in "${!pid[@]}"; do stop_broker "$name"; done
}
trap stop_brokers EXIT

for name in $brokers; do start_broker "$name"; done
echo "results in $out; load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# Each CPU's steal time (/proc/stat, in clock ticks): how long its virtual processor waited for the host. On a
# shared virtual machine that wait comes in milliseconds at a time, and on the broker's core it alone can set a p99
# (bench/RESULTS.md, twenty-third pass); every result line carries it per CPU, in ms, over the generator's run.
steal_ticks() { awk '/^cpu[0-9]/ { printf "%s ", $9 }' /proc/stat; }
steal_ms() {
  local -a before after
  local i out=""
  read -r -a before <<< "$1"
  read -r -a after <<< "$2"
  for i in "${!after[@]}"; do
    out+="${out:+,}$(( (after[i] - before[i]) * 1000 / clock_ticks ))"
  done
  echo "$out"
}
clock_ticks=$(getconf CLK_TCK)
read -r -a broker_list <<< "$brokers"
read -r -a scenario_list <<< "$scenarios"
results=$out/results.jsonl
: >"$results"
run_generator() {
  local name=$1 scenario=$2 seconds=$3
  taskset -c "$generator_cores" "$java" "${native[@]}" -cp "$bench_cp" io.ternmq.bench.BenchCommand "$scenario" \
    --port "${port[$name]}" --duration "$seconds" --warmup "$warmup" --connections "$connections" \
    --broker-pid "${pid[$name]}" --json "${extra[@]}" 2>>"$out/generator.log" | tail -n 1
}
warm_up_brokers() {
  (( broker_warmup > 0 )) || return 0
  local name scenario
  for name in "${broker_list[@]}"; do
    for scenario in "${scenario_list[@]}"; do
      [[ $scenario == connections ]] && continue
      echo "warming $name up with $scenario for ${broker_warmup}s (not recorded)" >&2
      run_generator "$name" "$scenario" "$broker_warmup" >/dev/null || true
    done
  done
}
warm_up_brokers
for (( round = 1; round <= rounds; round++ )); do
  if (( fresh_rounds && round > 1 )); then
    # A broker's JIT outcome holds for its whole life: fresh JVMs each round put that spread into the medians.
    stop_brokers
    for name in "${broker_list[@]}"; do
      rm -rf "$out/data-$name" # nothing carried over: the sessions a persistent round stored
      start_broker "$name"
    done
    warm_up_brokers
  fi
  # Alternate who goes first, so that a drift in machine load does not always favour the same broker.
  order=("${broker_list[@]}")
  if (( round % 2 == 0 )); then
    mapfile -t order < <(printf '%s\n' "${broker_list[@]}" | tac)
  fi
  for name in "${order[@]}"; do
    for scenario in "${scenario_list[@]}"; do
      if [[ $scenario == connections ]]; then
        # Memory per connection is measured on a fresh broker: earlier scenarios leave heaps and caches grown.
        stop_broker "$name"
        start_broker "$name"
        sleep 2
      fi
      if [[ $name == *-split* && $scenario != connections ]]; then
        split_loops "$name" # each time: moving a thread into its group again is harmless
      fi
      steal_before=$(steal_ticks)
      line=$(run_generator "$name" "$scenario" "$duration") || true
      if [[ $line != \{* ]]; then
        line="{\"scenario\":\"$scenario\",\"failed\":true}"
      fi
      echo "{\"round\":$round,\"broker\":\"$name\",\"load\":\"$(cut -d' ' -f1 /proc/loadavg)\",\"stealMs\":[$(
        steal_ms "$steal_before" "$(steal_ticks)")],${line#\{}" | tee -a "$results" >&2
    done
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
python3 "$root/bench/ratios.py" "$results" "${broker_list[@]}"
