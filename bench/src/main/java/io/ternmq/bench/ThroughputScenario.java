package io.ternmq.bench;

import io.ternmq.protocol.Qos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * Publishers send as fast as the broker takes messages (TCP back-pressure; at QoS 1/2 also a window of
 * unacknowledged messages per publisher), or at the settings' offered rate, paced and evenly staggered; the result
 * is what the subscribers receive per second.
 *
 * @param topic              the topic publisher i publishes to, under the run's unique prefix
 * @param filter             the filter subscriber i subscribes to
 * @param subscriberSessions persistent subscriber sessions make the broker store every QoS 1/2 message for them
 *                           (its durable store, when it has one); they are discarded after the run
 */
record ThroughputScenario(String name, Qos qos, int publishers, int subscribers, Naming topic, Naming filter,
                          SessionKind subscriberSessions) implements Scenario {

    ThroughputScenario(String name, Qos qos, int publishers, int subscribers, Naming topic, Naming filter) {
        this(name, qos, publishers, subscribers, topic, filter, SessionKind.CLEAN);
    }

    /** A name derived from the run's unique prefix and a client's index. */
    @FunctionalInterface
    interface Naming {
        String of(String runPrefix, int index);
    }

    @Override
    public ScenarioResult run(BenchSettings settings) throws InterruptedException {
        String run = RunIds.next(name);
        LongAdder sent = new LongAdder();
        LongAdder received = new LongAdder();
        List<String> subscriberIds = ids(run, "sub", subscribers);
        ScenarioResult result;
        try (Connector connector = new Connector(settings)) {
            List<Subscriber> listeners = IntStream.range(0, subscribers)
                    .mapToObj(i -> new Subscriber(received, null)).toList();
            List<BenchConnection> subscribed = connector.connectAll(subscriberIds, listeners, subscriberSessions);
            connector.subscribeAll(subscribed, IntStream.range(0, subscribers)
                    .mapToObj(i -> filter.of(run, i)).toList(), qos);
            long intervalNanos = settings.offeredRate() == 0 ? 0
                    : TimeUnit.SECONDS.toNanos(1) * publishers / settings.offeredRate();
            List<Publisher> senders = new ArrayList<>(publishers);
            for (int i = 0; i < publishers; i++) {
                senders.add(new Publisher(new PublishTemplate(topic.of(run, i), qos, settings.messageSize()),
                        settings.window(), intervalNanos, sent));
            }
            List<BenchConnection> publishing = connectInRandomOrder(connector, ids(run, "pub", publishers), senders);
            for (int i = 0; i < publishers; i++) {
                senders.get(i).start(publishing.get(i), intervalNanos * i / publishers);
            }
            MeasuredWindow window = MeasuredWindow.run(settings, sent, received, () -> { });
            senders.forEach(Publisher::stop);
            result = new ScenarioResult(name, publishers, subscribers, window.seconds(), window.sentPerSecond(),
                    window.receivedPerSecond(), connector.errors(), window.generatorCpu(), window.brokerCpu(), null,
                    null);
        }
        if (subscriberSessions == SessionKind.PERSISTENT) {
            discardSessions(settings, subscriberIds);
        }
        return result;
    }

    /**
     * Connects the clients in a random order and returns their connections by index. In index order, a broker that
     * places each new client by its arrival (TernMQ: on the session thread owning the fewest) would put publisher i
     * beside subscriber i in every run: a correlation no fleet has, and one that moved QoS 2 pairs on two split half
     * cores by a tenth (bench/RESULTS.md, twenty-seventh pass).
     */
    static List<BenchConnection> connectInRandomOrder(Connector connector, List<String> clientIds,
                                                      List<? extends BenchConnection.Listener> listeners)
            throws InterruptedException {
        List<Integer> order = new ArrayList<>(IntStream.range(0, clientIds.size()).boxed().toList());
        Collections.shuffle(order, ThreadLocalRandom.current());
        List<BenchConnection> connected = connector.connectAll(order.stream().map(clientIds::get).toList(),
                order.stream().map(listeners::get).toList());
        BenchConnection[] byIndex = new BenchConnection[clientIds.size()];
        for (int i = 0; i < order.size(); i++) {
            byIndex[order.get(i)] = connected.get(i);
        }
        return List.of(byIndex);
    }

    /** Connecting again with a clean session ends the stored ones [MQTT-3.1.2-6], so runs do not pile them up. */
    private static void discardSessions(BenchSettings settings, List<String> clientIds) throws InterruptedException {
        try (Connector connector = new Connector(settings)) {
            connector.connectAll(clientIds, Collections.nCopies(clientIds.size(), BenchConnection.Listener.IDLE));
        }
    }

    static List<String> ids(String run, String role, int count) {
        return IntStream.range(0, count).mapToObj(i -> run.replace('/', '-') + "-" + role + i).toList();
    }
}
