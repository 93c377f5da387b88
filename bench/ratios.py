"""Prints the median of each broker's headline metric per scenario over the rounds of a compare.sh run, and
the ratio of the first broker to the second. Usage: ratios.py results.jsonl BROKER [BROKER ...]"""
import json
import math
import random
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
    paired(rows, brokers, scenarios)
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


def paired(rows, brokers, scenarios):
    """Each round's ratio of the first broker to the second, their runs minutes apart: its median with a bootstrap
    95 % interval over rounds, and in how many rounds the first did better, with the two-sided sign test's p. Slow
    drift of the host's load moves both runs of a round alike, so the rounds are the samples, not the runs."""
    if len(brokers) < 2:
        return
    for scenario in scenarios:
        field, _, better, _ = METRICS[scenario]
        by_round = {}
        for r in rows:
            if r["scenario"] == scenario and r["broker"] in brokers[:2] and r.get(field) and not r.get("errors"):
                by_round.setdefault(r["round"], {})[r["broker"]] = r[field]
        ratios = [pair[brokers[0]] / pair[brokers[1]] for pair in by_round.values() if len(pair) == 2]
        if len(ratios) < 6:
            continue
        low, high = bootstrap_median_interval(ratios)
        wins = sum(1 for x in ratios if (x < 1 if better == "lower" else x > 1))
        ties = sum(1 for x in ratios if x == 1)
        print(f"{scenario} per round: ratio median {statistics.median(ratios):.3f} (95 % interval "
              f"{low:.3f}-{high:.3f}), {brokers[0]} {'lower' if better == 'lower' else 'higher'} in {wins} of "
              f"{len(ratios)} rounds (sign test p = {sign_test(wins, len(ratios) - ties):.3f})")


def bootstrap_median_interval(values, resamples=10_000):
    """Percentile bootstrap interval of the median; seeded, so the same file always prints the same interval."""
    rng = random.Random(1)
    medians = sorted(statistics.median(rng.choices(values, k=len(values))) for _ in range(resamples))
    return medians[int(resamples * 0.025)], medians[int(resamples * 0.975) - 1]


def sign_test(wins, n):
    """Two-sided p of at least this lopsided a split of n rounds if either broker were as likely to do better."""
    k = max(wins, n - wins)
    return min(1.0, 2 * sum(math.comb(n, i) for i in range(k, n + 1)) / 2 ** n)


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
    pairs = [(pair[brokers[0]], pair[brokers[1]]) for pair in by_round.values() if len(pair) == 2]
    if len(pairs) >= 6:
        at_equal_steal(pairs, brokers)


def at_equal_steal(pairs, brokers):
    """The latency p99 of both brokers at the same cpu0 steal: one least-squares line per broker with a common slope
    (p99 grows by about as much per millisecond the host takes, whichever broker runs), compared at the median
    steal of all runs, with a bootstrap 95 % interval over rounds. Steal differs from run to run by chance; this
    takes it out instead of dropping every round that had some."""
    def ratio(sample):
        points = [[(r["stealMs"][0], r["p99Micros"]) for r in pair] for pair in sample]
        mine, theirs = [p[0] for p in points], [p[1] for p in points]
        means = [(statistics.fmean(x for x, _ in g), statistics.fmean(y for _, y in g)) for g in (mine, theirs)]
        spread = sum((x - mx) ** 2 for g, (mx, _) in zip((mine, theirs), means) for x, _ in g)
        slope = sum((x - mx) * (y - my) for g, (mx, my) in zip((mine, theirs), means) for x, y in g) / spread \
            if spread else 0.0
        steal = statistics.median(x for g in (mine, theirs) for x, _ in g)
        at = [my + slope * (steal - mx) for mx, my in means]
        return at[0] / at[1], at, slope, steal

    estimate, at, slope, steal = ratio(pairs)
    rng = random.Random(1)
    resampled = sorted(ratio(rng.choices(pairs, k=len(pairs)))[0] for _ in range(2_000))
    print(f"latency p99 at equal cpu0 steal ({steal:.0f} ms, {slope:.1f} us per ms): {brokers[0]} {at[0]:,.0f} us, "
          f"{brokers[1]} {at[1]:,.0f} us, ratio {estimate:.3f} (95 % interval {resampled[50]:.3f}-"
          f"{resampled[1949]:.3f})")


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
