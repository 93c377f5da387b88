package io.ternmq.bench;

import io.netty.channel.Channel;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.Subscribe;
import io.ternmq.protocol.TopicSubscription;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * A long run for memory leaks (opt-in: not part of {@code all}): steady paced publishers at QoS 0 and 1 to a
 * few subscribers and two subscribers that never read (slow consumers the memory budget has to contain), plus
 * connect churn: every second a batch of clients, alternately clean and persistent from a pool of ids, connects,
 * subscribes, publishes one QoS 1 message to another pool member and disconnects. Prints a progress line to
 * stderr every minute; the broker's memory is sampled from outside ({@code bench/soak.sh}).
 */
record SoakScenario() implements Scenario {

    private static final int PUBLISHERS = 10;
    private static final int SUBSCRIBERS = 4;
    private static final int STUCK_SUBSCRIBERS = 2;
    private static final int CHURN_PER_SECOND = 10;
    private static final int CHURN_POOL = 500;
    private static final long PUBLISH_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(20); // 50 msg/s each

    @Override
    public String name() {
        return "soak";
    }

    @Override
    public ScenarioResult run(BenchSettings settings) throws InterruptedException {
        String run = RunIds.next(name());
        LongAdder sent = new LongAdder();
        LongAdder received = new LongAdder();
        LongAdder ignored = new LongAdder();
        PrintStream log = System.err;
        try (Connector connector = new Connector(settings)) {
            List<Subscriber> listeners = IntStream.range(0, SUBSCRIBERS)
                    .mapToObj(i -> new Subscriber(received, null)).toList();
            List<BenchConnection> subscribers = connector.connectAll(ThroughputScenario.ids(run, "sub", SUBSCRIBERS),
                    listeners);
            connector.subscribeAll(subscribers, Collections.nCopies(SUBSCRIBERS, run + "/steady/#"), Qos.AT_LEAST_ONCE);
            List<BenchConnection> stuck = connector.connectAll(ThroughputScenario.ids(run, "stuck", STUCK_SUBSCRIBERS),
                    Collections.nCopies(STUCK_SUBSCRIBERS, new Subscriber(ignored, null)));
            connector.subscribeAll(stuck, Collections.nCopies(STUCK_SUBSCRIBERS, run + "/steady/#"),
                    Qos.AT_LEAST_ONCE);
            stuck.forEach(BenchConnection::stopReading);
            List<Publisher> senders = new ArrayList<>();
            for (int i = 0; i < PUBLISHERS; i++) {
                Qos qos = i % 2 == 0 ? Qos.AT_MOST_ONCE : Qos.AT_LEAST_ONCE;
                senders.add(new Publisher(new PublishTemplate(run + "/steady/" + i, qos, settings.messageSize()),
                        settings.window(), PUBLISH_INTERVAL_NANOS, sent));
            }
            List<BenchConnection> publishing = connector.connectAll(ThroughputScenario.ids(run, "pub", PUBLISHERS),
                    senders);
            for (int i = 0; i < PUBLISHERS; i++) {
                senders.get(i).start(publishing.get(i));
            }
            long start = System.nanoTime();
            long end = start + settings.duration().toNanos();
            long churned = 0;
            long nextReport = start + TimeUnit.MINUTES.toNanos(1);
            for (long second = 0; System.nanoTime() < end; second++) {
                churned += churn(connector, run, second, settings.messageSize());
                long now = System.nanoTime();
                if (now >= nextReport) {
                    log.printf("soak: %d s, sent %d, received %d, churned %d, errors %d%n",
                            (now - start) / 1_000_000_000L, sent.sum(), received.sum(), churned, connector.errors());
                    nextReport += TimeUnit.MINUTES.toNanos(1);
                }
                long next = start + (second + 1) * 1_000_000_000L;
                TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
            }
            senders.forEach(Publisher::stop);
            double seconds = (System.nanoTime() - start) / 1e9;
            log.printf("soak: done after %.0f s, sent %d, received %d, churned %d connections, errors %d%n",
                    seconds, sent.sum(), received.sum(), churned, connector.errors());
            return new ScenarioResult(name(), PUBLISHERS, SUBSCRIBERS + STUCK_SUBSCRIBERS, seconds,
                    sent.sum() / seconds, received.sum() / seconds, connector.errors(), 0, BrokerCpu.NONE,
                    null, null);
        }
    }

    /** One batch: connect, subscribe, publish one QoS 1 message to another pool member, disconnect. */
    private static int churn(Connector connector, String run, long second, int messageSize)
            throws InterruptedException {
        List<String> ids = new ArrayList<>(CHURN_PER_SECOND);
        for (int i = 0; i < CHURN_PER_SECOND; i++) {
            ids.add(run.replace('/', '-') + "-churn" + Math.floorMod(second * CHURN_PER_SECOND + i, CHURN_POOL));
        }
        SessionKind kind = second % 2 == 0 ? SessionKind.CLEAN : SessionKind.PERSISTENT;
        List<BenchConnection> batch = connector.connectAll(ids,
                Collections.nCopies(CHURN_PER_SECOND, new BenchConnection.Listener() { }), kind);
        for (int i = 0; i < batch.size(); i++) {
            Channel channel = batch.get(i).channel();
            connector.send(channel, new Subscribe(1, List.of(new TopicSubscription(run + "/" + ids.get(i),
                    Qos.AT_LEAST_ONCE))));
            String other = ids.get((i + 1) % ids.size());
            connector.send(channel, new Publish(run + "/" + other, Qos.AT_LEAST_ONCE, false, false, 2,
                    new byte[messageSize]));
        }
        batch.forEach(connector::close);
        return batch.size();
    }
}
