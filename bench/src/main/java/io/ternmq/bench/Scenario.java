package io.ternmq.bench;

import io.ternmq.protocol.Qos;

import java.util.List;

/** A named load shape run against the broker in {@link BenchSettings}; each run opens and closes its clients. */
sealed interface Scenario permits ThroughputScenario, LatencyScenario, ConnectionsScenario,
        SoakScenario, SlowSubscribersScenario {

    /** Every scenario, in the order {@code all} runs them. */
    List<String> NAMES = List.of("fan-in", "fan-out", "pairs-qos1", "pairs-qos2", "persistent", "latency",
            "connections");

    String name();

    ScenarioResult run(BenchSettings settings) throws InterruptedException;

    static Scenario named(String name, BenchSettings settings) {
        BenchSettings.Sizes sizes = settings.sizes();
        return switch (name) {
            case "fan-in" -> new ThroughputScenario(name, Qos.AT_MOST_ONCE, sizes.fanInPublishers(), 1,
                    (run, i) -> run + "/fan-in/" + i, (run, i) -> run + "/fan-in/+");
            case "fan-out" -> new ThroughputScenario(name, Qos.AT_MOST_ONCE, 1, sizes.fanOutSubscribers(),
                    (run, i) -> run + "/fan-out", (run, i) -> run + "/fan-out");
            case "pairs-qos1" -> new ThroughputScenario(name, Qos.AT_LEAST_ONCE, sizes.qos1Pairs(),
                    sizes.qos1Pairs(), (run, i) -> run + "/pairs/" + i, (run, i) -> run + "/pairs/" + i);
            case "pairs-qos2" -> new ThroughputScenario(name, Qos.EXACTLY_ONCE, sizes.qos2Pairs(),
                    sizes.qos2Pairs(), (run, i) -> run + "/pairs/" + i, (run, i) -> run + "/pairs/" + i);
            // pairs-qos1 with persistent subscriber sessions: what storing every message costs
            case "persistent" -> new ThroughputScenario(name, Qos.AT_LEAST_ONCE, sizes.qos1Pairs(),
                    sizes.qos1Pairs(), (run, i) -> run + "/persistent/" + i, (run, i) -> run + "/persistent/" + i,
                    SessionKind.PERSISTENT);
            case "latency" -> new LatencyScenario();
            case "connections" -> new ConnectionsScenario();
            case "soak" -> new SoakScenario();
            case "slow-subscribers" -> new SlowSubscribersScenario();
            default -> throw new IllegalArgumentException("unknown scenario '" + name + "'; known: " + NAMES
                    + ", soak and slow-subscribers");
        };
    }
}
