package io.ternmq.bench;

import io.ternmq.protocol.Qos;

import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Opens N idle connections (CONNECT, no keep-alive, no subscription), in two halves, and, given the broker's pid,
 * reports its resident memory before, between the halves and after, each measured once the warm-up has let the
 * broker settle: the growth over all N, and the marginal cost of the second half alone. With a pid, one
 * connection first publishes QoS 0 messages nobody subscribed to for the warm-up time, unmeasured: a freshly
 * started JVM broker touches the pages of its young generation for the first time while it works, which read as
 * 2-3 KB more per connection when it happened during the measurement, a one-off cost that is not per connection.
 * The warm-up holds no connection state: opening and closing the N connections first made a C broker's allocator
 * keep the freed memory and reuse it for the measured ones, which then read as 0 bytes each.
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
            exerciseBroker(settings, run);
            TimeUnit.NANOSECONDS.sleep(settings.warmup().toNanos());
        }
        OptionalLong before = ProcessStats.residentKib(settings.brokerPid());
        List<String> ids = ThroughputScenario.ids(run, "idle", count);
        try (Connector connector = new Connector(settings)) {
            long start = System.nanoTime();
            long cpuStart = ProcessStats.ownCpuNanos();
            int opened = open(connector, ids.subList(0, count / 2));
            long openingNanos = System.nanoTime() - start;
            TimeUnit.NANOSECONDS.sleep(settings.warmup().toNanos());
            OptionalLong halfway = ProcessStats.residentKib(settings.brokerPid());
            long secondHalf = System.nanoTime();
            opened += open(connector, ids.subList(count / 2, count));
            openingNanos += System.nanoTime() - secondHalf;
            double seconds = openingNanos / 1e9;
            double cpu = (ProcessStats.ownCpuNanos() - cpuStart) / 1e9 / seconds;
            TimeUnit.NANOSECONDS.sleep(settings.warmup().toNanos());
            OptionalLong after = ProcessStats.residentKib(settings.brokerPid());
            ScenarioResult.Memory memory = before.isPresent() && halfway.isPresent() && after.isPresent()
                    ? new ScenarioResult.Memory(opened, before.getAsLong(), halfway.getAsLong(), after.getAsLong())
                    : null;
            // "received" is the connection rate here: CONNACKs per second while opening them
            return new ScenarioResult(name(), 0, opened, seconds, 0, count / seconds, connector.errors(), cpu,
                    BrokerCpu.NONE, null, memory);
        }
    }

    private static int open(Connector connector, List<String> ids) throws InterruptedException {
        return connector.connectAll(ids, Collections.nCopies(ids.size(), BenchConnection.Listener.IDLE)).size();
    }

    /** One publisher, QoS 0 to a topic nobody subscribed to, as fast as the broker reads, for the warm-up time. */
    private static void exerciseBroker(BenchSettings settings, String run) throws InterruptedException {
        try (Connector connector = new Connector(settings)) {
            var publisher = new Publisher(new PublishTemplate(run + "/warm-up", Qos.AT_MOST_ONCE,
                    settings.messageSize()), settings.window(), 0, new LongAdder());
            publisher.start(connector.connectAll(ThroughputScenario.ids(run, "warm-up", 1), List.of(publisher))
                    .getFirst());
            TimeUnit.NANOSECONDS.sleep(settings.warmup().toNanos());
            publisher.stop();
        }
    }
}
