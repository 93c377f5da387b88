"""Prints the median of each broker's headline metric per scenario over the rounds of a compare.sh run, and
the ratio of the first broker to the second. Usage: ratios.py results.jsonl BROKER [BROKER ...]"""
import json
import statistics
import sys

# scenario -> (metric field, unit, better: 'higher' or 'lower', target for first/second, as in issue 8)
METRICS = {
    "fan-in": ("receivedPerSecond", "msg/s", "higher", ">= 2.0"),
    "fan-out": ("receivedPerSecond", "deliveries/s", "higher", ">= 2.0"),
    "pairs-qos1": ("receivedPerSecond", "msg/s", "higher", ">= 1.5"),
    "pairs-qos2": ("receivedPerSecond", "msg/s", "higher", ">= 1.5"),
    "persistent": ("receivedPerSecond", "msg/s", "higher", "none"),
    "latency": ("p99Micros", "p99 us", "lower", "<= 1.0"),
    "connections": ("bytesPerConnection", "B/conn", "lower", "<= 4096 B"),
}

# At most one clock tick (/proc/stat counts steal in ticks of 10 ms): calm enough to measure the broker.
CALM_STEAL_MS = 10


def main():
    path, brokers = sys.argv[1], sys.argv[2:]
    rows = [json.loads(line) for line in open(path) if line.strip()]
    scenarios = [s for s in METRICS if any(r["scenario"] == s for r in rows)]
    header = f"{'scenario':<12} {'metric':<13}" + "".join(f"{b:>14}" for b in brokers)
    if len(brokers) >= 2:
        header += f"{'ratio ' + brokers[0] + '/' + brokers[1]:>26} {'target':>10}"
    print(header)
    for scenario in scenarios:
        field, unit, better, target = METRICS[scenario]
        medians = []
        for broker in brokers:
            values = [r[field] for r in rows
                      if r["broker"] == broker and r["scenario"] == scenario and field in r and not r.get("errors")]
            medians.append(statistics.median(values) if values else None)
        line = f"{scenario:<12} {unit:<13}" + "".join(f"{m:>14,.0f}" if m is not None else f"{'n/a':>14}"
                                                      for m in medians)
        if len(brokers) >= 2:
            a, b = medians[0], medians[1]
            ratio = f"{a / b:.2f}" if a is not None and b else "n/a"
            if brokers[:2] == ["ternmq", "mosquitto"]:
                shown = target if scenario != "connections" else ""
            else:
                shown = ">= 1.8" if brokers[:2] == ["ternmq2", "ternmq"] and better == "higher" else ""
            line += f"{ratio:>26} {shown:>10}"
        print(line)
    marginal(rows, brokers)
    steal(rows, brokers, scenarios)
    efficiency(rows, brokers, scenarios)
    errors = [r for r in rows if r.get("errors") or r.get("failed")]
    rounds = max((r["round"] for r in rows), default=0)
    print(f"rounds: {rounds}; runs with errors (excluded from medians): {len(errors)}")
    cpu = [r["generatorCpu"] for r in rows if "generatorCpu" in r and r["scenario"] != "connections"]
    if cpu:
        print(f"generator CPU (cores, of its 1 pinned core): median {statistics.median(cpu):.2f}, max {max(cpu):.2f}")
    # The generator's ceiling, extrapolated: what it handles per second of its own CPU (sent + received).
    # A busy-polling generator's CPU is all polling: it says nothing of its ceiling.
    for scenario in scenarios:
        per_cpu = [(r["sentPerSecond"] + r["receivedPerSecond"]) / r["generatorCpu"] for r in rows
                   if r["scenario"] == scenario and r.get("generatorCpu") and scenario != "connections"
                   and not r.get("generatorBusyPolled")]
        if per_cpu:
            print(f"generator ceiling {scenario:<11}: ~{statistics.median(per_cpu):,.0f} msgs (sent+received) "
                  f"per generator CPU-second")


def marginal(rows, brokers):
    """The connections scenario's second number: bytes per connection of its second half alone."""
    medians = []
    for broker in brokers:
        values = [r["marginalBytesPerConnection"] for r in rows
                  if r["broker"] == broker and "marginalBytesPerConnection" in r and not r.get("errors")]
        medians.append(statistics.median(values) if values else None)
    if all(m is None for m in medians):
        return
    line = f"{'connections':<12} {'marginal B':<13}" + "".join(f"{m:>14,.0f}" if m is not None else f"{'n/a':>14}"
                                                            for m in medians)
    if len(brokers) >= 2 and medians[0] is not None and medians[1]:
        line += f"{medians[0] / medians[1]:>26.2f}"
    print(line)


def steal(rows, brokers, scenarios):
    """The host's steal time per run on each CPU (compare.sh's stealMs), and the latency ratio again over the rounds
    in which neither broker's core (cpu0) lost more than CALM_STEAL_MS to the host: a wait of milliseconds on the
    broker's core delays every message due during it, so rounds with steal measure the host as much as the broker."""
    measured = [r for r in rows if "stealMs" in r and not r.get("failed")]
    if not measured:
        return
    for broker in brokers:
        mine = [r["stealMs"] for r in measured if r["broker"] == broker]
        if mine:
            print(f"host steal per run, {broker}: " + ", ".join(
                f"cpu{i} median {statistics.median(s[i] for s in mine):.0f} ms, max {max(s[i] for s in mine)} ms"
                for i in range(len(mine[0]))))
    if "latency" not in scenarios or len(brokers) < 2:
        return
    by_round = {}
    for r in measured:
        if r["scenario"] == "latency" and r["broker"] in brokers[:2] and not r.get("errors"):
            by_round.setdefault(r["round"], {})[r["broker"]] = r
    calm = [pair for pair in by_round.values()
            if len(pair) == 2 and all(r["stealMs"][0] <= CALM_STEAL_MS for r in pair.values())]
    if calm:
        a = statistics.median(pair[brokers[0]]["p99Micros"] for pair in calm)
        b = statistics.median(pair[brokers[1]]["p99Micros"] for pair in calm)
        print(f"latency p99 over the {len(calm)} rounds with at most {CALM_STEAL_MS} ms steal on cpu0 for both: "
              f"{brokers[0]} {a:,.0f} us, {brokers[1]} {b:,.0f} us, ratio {a / b:.2f}")
    else:
        print(f"latency: no round with at most {CALM_STEAL_MS} ms steal on cpu0 for both brokers")


def efficiency(rows, brokers, scenarios):
    """Throughput per second of broker CPU: the per-core efficiency, which other load on the machine distorts
    far less than raw throughput does."""
    print(f"\n{'per broker CPU-second':<26}" + "".join(f"{b:>14}" for b in brokers)
          + (f"{'ratio':>26}" if len(brokers) >= 2 else ""))
    for scenario in scenarios:
        if METRICS[scenario][0] != "receivedPerSecond":
            continue
        medians = []
        for broker in brokers:
            values = [r["receivedPerSecond"] / r["brokerCpu"] for r in rows
                      if r["broker"] == broker and r["scenario"] == scenario and r.get("brokerCpu")
                      and not r.get("errors")]
            medians.append(statistics.median(values) if values else None)
        line = f"{scenario:<26}" + "".join(f"{m:>14,.0f}" if m is not None else f"{'n/a':>14}" for m in medians)
        if len(brokers) >= 2 and medians[0] is not None and medians[1]:
            line += f"{medians[0] / medians[1]:>26.2f}"
        print(line)
    cpu = {b: [r["brokerCpu"] for r in rows if r["broker"] == b and r.get("brokerCpu")] for b in brokers}
    print("broker CPU used (cores, median): "
          + ", ".join(f"{b} {statistics.median(v):.2f}" for b, v in cpu.items() if v))
    jvm_parts(rows, brokers, scenarios)


def jvm_parts(rows, brokers, scenarios):
    """Of the broker's CPU, the shares its JVM's collector and JIT compiler threads took (medians over rounds):
    what separates two setups' per CPU-second figures besides the broker's own work."""
    if not any("brokerGcCpu" in r for r in rows):
        return
    print(f"\n{'collector / JIT share':<26}" + "".join(f"{b:>18}" for b in brokers))
    for scenario in scenarios:
        line = f"{scenario:<26}"
        for broker in brokers:
            mine = [r for r in rows if r["broker"] == broker and r["scenario"] == scenario and r.get("brokerCpu")
                    and "brokerGcCpu" in r]
            if mine:
                gc = statistics.median(r["brokerGcCpu"] / r["brokerCpu"] for r in mine)
                jit = statistics.median(r["brokerJitCpu"] / r["brokerCpu"] for r in mine)
                line += f"{f'{gc:.1%} / {jit:.1%}':>18}"
            else:
                line += f"{'n/a':>18}"
        print(line)


main()
