package io.ternmq.bench;

import io.ternmq.protocol.Qos;

import java.io.PrintStream;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Many slow consumers at once (opt-in, not part of {@code all}): {@code --connections} subscribers on one topic
 * that stop reading after their SUBACK (2 KiB receive buffers, so that the kernel holds little for them), and one
 * publisher at {@code --rate} QoS 0 messages per second for {@code --duration} seconds. Given the broker's pid,
 * its resident memory is sampled every second and the maximum reported: with a memory budget it stays bounded
 * while the broker drops for the slow subscribers ({@code bench/slow-subscribers.sh} reads the drops).
 */
record SlowSubscribersScenario() implements Scenario {

    private static final int RECEIVE_BUFFER = 2048;

    @Override
    public String name() {
        return "slow-subscribers";
    }

    @Override
    public ScenarioResult run(BenchSettings settings) throws InterruptedException {
        String run = RunIds.next(name());
        int count = settings.connections();
        LongAdder sent = new LongAdder();
        LongAdder received = new LongAdder();
        PrintStream log = System.err;
        OptionalLong before = ProcessStats.residentKib(settings.brokerPid());
        try (Connector stuckSide = new Connector(settings, RECEIVE_BUFFER, false);
             Connector connector = new Connector(settings)) {
            List<BenchConnection> subscribers = stuckSide.connectAll(ThroughputScenario.ids(run, "slow", count),
                    Collections.nCopies(count, new Subscriber(received, null)));
            stuckSide.subscribeAll(subscribers, Collections.nCopies(count, run + "/t"), Qos.AT_MOST_ONCE);
            subscribers.forEach(BenchConnection::stopReading);
            log.printf("slow-subscribers: %d subscribed and no longer reading%n", count);
            var publisher = new Publisher(new PublishTemplate(run + "/t", Qos.AT_MOST_ONCE, settings.messageSize()),
                    settings.window(), 1_000_000_000L / settings.latencyRate(), sent);
            publisher.start(connector.connectAll(List.of(run + "-pub"), List.of(publisher)).getFirst());
            long maxRss = before.orElse(0);
            long end = System.nanoTime() + settings.duration().toNanos();
            while (System.nanoTime() < end) {
                TimeUnit.SECONDS.sleep(1);
                maxRss = Math.max(maxRss, ProcessStats.residentKib(settings.brokerPid()).orElse(0));
            }
            publisher.stop();
            long after = ProcessStats.residentKib(settings.brokerPid()).orElse(0);
            log.printf("slow-subscribers: sent %d messages (%d deliveries due), broker RSS before %d KiB, max %d KiB,"
                    + " end %d KiB, generator errors %d%n", sent.sum(), sent.sum() * count, before.orElse(0), maxRss,
                    after, stuckSide.errors() + connector.errors());
            ScenarioResult.Memory memory = before.isPresent()
                    ? new ScenarioResult.Memory(count, before.getAsLong(), maxRss) : null;
            return new ScenarioResult(name(), 1, count, settings.duration().toNanos() / 1e9,
                    sent.sum() / (settings.duration().toNanos() / 1e9), received.sum(),
                    stuckSide.errors() + connector.errors(), 0, BrokerCpu.NONE, null, memory);
        }
    }
}
