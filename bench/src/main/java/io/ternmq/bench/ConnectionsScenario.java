package io.ternmq.bench;

import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Opens N idle connections (CONNECT, no keep-alive, no subscription) and, given the broker's pid, reports its
 * resident memory before and after, measured once the warm-up has let the broker settle. With a pid, N connections
 * are first opened and closed once, unmeasured: a freshly started JVM broker touches the pages of its young
 * generation for the first time while it accepts them, which read as 2-3 KB more per connection in some runs
 * and not in others, a one-off cost that is not per connection.
 */
record ConnectionsScenario() implements Scenario {

    @Override
    public String name() {
        return "connections";
    }

    @Override
    public ScenarioResult run(BenchSettings settings) throws InterruptedException {
        String run = RunIds.next(name());
        int count = settings.connections();
        if (settings.brokerPid().isPresent()) {
            try (Connector unmeasured = new Connector(settings)) {
                unmeasured.connectAll(ThroughputScenario.ids(run, "first", count),
                        Collections.nCopies(count, BenchConnection.Listener.IDLE));
            }
            TimeUnit.NANOSECONDS.sleep(settings.warmup().toNanos());
        }
        OptionalLong before = ProcessStats.residentKib(settings.brokerPid());
        try (Connector connector = new Connector(settings)) {
            long start = System.nanoTime();
            long cpuStart = ProcessStats.ownCpuNanos();
            List<BenchConnection> connections = connector.connectAll(ThroughputScenario.ids(run, "idle", count),
                    Collections.nCopies(count, BenchConnection.Listener.IDLE));
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (ProcessStats.ownCpuNanos() - cpuStart) / 1e9 / seconds;
            TimeUnit.NANOSECONDS.sleep(settings.warmup().toNanos());
            OptionalLong after = ProcessStats.residentKib(settings.brokerPid());
            ScenarioResult.Memory memory = before.isPresent() && after.isPresent()
                    ? new ScenarioResult.Memory(connections.size(), before.getAsLong(), after.getAsLong()) : null;
            // "received" is the connection rate here: CONNACKs per second while opening them
            return new ScenarioResult(name(), 0, connections.size(), seconds, 0, count / seconds,
                    connector.errors(), cpu, 0, null, memory);
        }
    }
}
