package io.ternmq.core;

import io.ternmq.core.TestBroker.SessionMode;
import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.core.auth.ClientIdentity;
import io.ternmq.protocol.Connack;
import io.ternmq.protocol.Puback;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.Subscribe;
import io.ternmq.protocol.TopicSubscription;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;

import static io.ternmq.core.TestClient.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ThreadingTest {

    private static final int THREADS = 3;

    private static int ownerIndex(String clientId) {
        return Math.floorMod(clientId.hashCode(), THREADS);
    }

    /** Client ids owned by session thread {@code index}. */
    private static List<String> idsOwnedBy(int index, int count, String prefix) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; ids.size() < count; i++) {
            if (ownerIndex(prefix + i) == index) {
                ids.add(prefix + i);
            }
        }
        return ids;
    }

    @Test
    void route_severalSubscribersOnOneThread_oneTaskForThatThread() {
        TestBroker broker = new TestBroker(new CoreConfig(THREADS, 4, 8), TestBroker.BY_HASH);
        TestClient publisher = broker.connected(idsOwnedBy(0, 1, "pub").getFirst(), SessionMode.CLEAN);
        for (String id : idsOwnedBy(1, 3, "sub")) {
            broker.connected(id, SessionMode.CLEAN).subscribe(1, "t", Qos.AT_MOST_ONCE);
        }
        int[] before = broker.executors.stream().mapToInt(ManualExecutor::submitted).toArray();

        publisher.connection().onPacket(publish("t", Qos.AT_MOST_ONCE, 0, "m"));
        broker.drain();

        int[] after = broker.executors.stream().mapToInt(ManualExecutor::submitted).toArray();
        assertThat(after[0] - before[0]).as("publisher's packet").isEqualTo(1);
        assertThat(after[1] - before[1]).as("one routing task for three subscribers").isEqualTo(1);
        assertThat(after[2] - before[2]).isZero();
    }

    @Test
    void connect_channelAskedToShareItsSessionsThread() {
        TestBroker broker = new TestBroker(new CoreConfig(THREADS, 4, 8), TestBroker.BY_HASH);
        String clientId = idsOwnedBy(2, 1, "mover").getFirst();

        TestClient client = broker.connected(clientId, SessionMode.CLEAN);

        assertThat(client.channel().sharedThread()).isSameAs(broker.executors.get(2));
    }

    @Test
    void forKey_hashCodeMinValue_validIndex() {
        assertThat("polygenelubricants".hashCode()).isEqualTo(Integer.MIN_VALUE);
        SessionThreads threads = new SessionThreads(THREADS, index -> new ManualExecutor());

        assertThat(threads.forKey("polygenelubricants").index()).isBetween(0, THREADS - 1);
    }

    @Test
    void sessionThread_postToSelf_runsInline() {
        ManualExecutor executor = new ManualExecutor();
        SessionThread thread = new SessionThread(0, executor);
        List<String> order = new ArrayList<>();

        thread.execute(() -> {
            order.add("outer start");
            thread.execute(() -> order.add("inner"));
            order.add("outer end");
        });
        executor.runAll();

        assertThat(order).containsExactly("outer start", "inner", "outer end");
        assertThat(executor.submitted()).isEqualTo(1);
    }

    @Test
    void sessionThread_failingTask_loggedAndNextTaskRuns() {
        ManualExecutor executor = new ManualExecutor();
        SessionThread thread = new SessionThread(0, executor);
        List<String> ran = new ArrayList<>();

        thread.execute(() -> {
            throw new IllegalStateException("boom");
        });
        thread.execute(() -> ran.add("second"));

        assertThat(executor.runAll()).isEqualTo(2);
        assertThat(ran).containsExactly("second");
    }

    @Test
    void sessions_touchedOffOwnerThread_assertionFails() {
        SessionThread thread = new SessionThread(0, new ManualExecutor());

        assertThatThrownBy(thread::sessions).isInstanceOf(AssertionError.class);
    }

    @Test
    void realThreads_authorizerThrows_connectionClosedExecutorSurvives() {
        Authorizer flaky = new Authorizer() {
            @Override
            public boolean mayPublish(ClientIdentity client, String topic) {
                if (topic.equals("explode")) {
                    throw new IllegalStateException("plugin bug");
                }
                return true;
            }

            @Override
            public boolean maySubscribe(ClientIdentity client, String topicFilter) {
                return true;
            }
        };
        try (BrokerCore core = new BrokerCore(new CoreConfig(1, 8, 8), Authenticator.ALLOW_ALL, flaky,
                new FakeClock())) {
            FakeChannel channel = new FakeChannel("peer");
            MqttConnection connection = core.accept(channel);
            connection.onPacket(TestBroker.connect("c1", SessionMode.CLEAN, 0, null));
            connection.onPacket(publish("explode", Qos.AT_LEAST_ONCE, 1, "x"));
            connection.onPacket(publish("fine", Qos.AT_LEAST_ONCE, 2, "x"));

            // [MQTT-4.8.0-2] the failing connection is closed; the session thread lives on for others
            await().atMost(Duration.ofSeconds(10)).until(channel::isClosed);
            FakeChannel next = new FakeChannel("peer2");
            MqttConnection other = core.accept(next);
            other.onPacket(TestBroker.connect("c2", SessionMode.CLEAN, 0, null));
            other.onPacket(publish("fine", Qos.AT_LEAST_ONCE, 3, "x"));
            await().atMost(Duration.ofSeconds(10)).until(() -> next.sent().contains(new Puback(3)));
            assertThat(channel.sent()).containsExactly(new Connack(false, 0));
            assertThat(next.sent()).containsExactly(new Connack(false, 0), new Puback(3));
        }
    }

    @Test
    void realThreads_manyPublishers_eachPublishersOrderKeptPerSubscriber() {
        int publishers = 4;
        int messages = 150;
        try (BrokerCore core = new BrokerCore(new CoreConfig(4, 1_000, 10_000), Authenticator.ALLOW_ALL,
                Authorizer.ALLOW_ALL, new FakeClock())) {
            List<FakeChannel> subscribers = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                FakeChannel channel = new FakeChannel("sub" + s);
                MqttConnection connection = core.accept(channel);
                connection.onPacket(TestBroker.connect("sub-" + s, SessionMode.CLEAN, 0, null));
                connection.onPacket(new Subscribe(1, List.of(new TopicSubscription("load/#", Qos.AT_LEAST_ONCE))));
                subscribers.add(channel);
            }
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> subscribers.stream().allMatch(c -> c.sent().size() == 2));
            List<Thread> threads = new ArrayList<>();
            CopyOnWriteArrayList<FakeChannel> publisherChannels = new CopyOnWriteArrayList<>();
            for (int p = 0; p < publishers; p++) {
                int publisher = p;
                threads.add(Thread.ofPlatform().start(() -> {
                    FakeChannel channel = new FakeChannel("pub" + publisher);
                    publisherChannels.add(channel);
                    MqttConnection connection = core.accept(channel);
                    connection.onPacket(TestBroker.connect("pub-" + publisher, SessionMode.CLEAN, 0, null));
                    for (int i = 0; i < messages; i++) {
                        connection.onPacket(publish("load/" + publisher, Qos.AT_LEAST_ONCE, i + 1,
                                publisher + ":" + i));
                    }
                }));
            }
            threads.forEach(ThreadingTest::join);

            await().atMost(Duration.ofSeconds(30)).until(() -> subscribers.stream()
                    .allMatch(c -> c.publishes().size() == publishers * messages));
            for (FakeChannel subscriber : subscribers) {
                for (int p = 0; p < publishers; p++) {
                    String prefix = p + ":";
                    List<String> fromPublisher = subscriber.publishes().stream().map(TestClient::text)
                            .filter(t -> t.startsWith(prefix)).toList();
                    // [MQTT-4.6.0-6] one publisher, one topic, one QoS: received in publish order
                    assertThat(fromPublisher).hasSize(messages)
                            .isSortedAccordingTo((a, b) -> Integer.compare(index(a), index(b)));
                }
                assertThat(subscriber.publishes()).extracting(Publish::packetId).doesNotHaveDuplicates();
            }
            assertThat(core.stats().messagesReceived()).isEqualTo((long) publishers * messages);
            assertThat(core.stats().messagesSent()).isEqualTo(3L * publishers * messages);
        }
    }

    @Test
    void close_executorServices_areShutDown() {
        List<ExecutorService> created = new CopyOnWriteArrayList<>();
        BrokerCore core = new BrokerCore(new CoreConfig(2, 4, 8), Authenticator.ALLOW_ALL, Authorizer.ALLOW_ALL,
                new FakeClock(), CoreStores.inMemory(), index -> {
                    ExecutorService service = (ExecutorService) SessionExecutorFactory.SINGLE_THREADS.create(index);
                    created.add(service);
                    return service;
                });

        core.close();

        assertThat(created).hasSize(2).allMatch(ExecutorService::isTerminated);
        assertThat(core.session("c1").toCompletableFuture().join()).isEmpty();
    }

    private static int index(String text) {
        return Integer.parseInt(text.substring(text.indexOf(':') + 1));
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
