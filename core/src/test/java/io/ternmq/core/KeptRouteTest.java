package io.ternmq.core;

import io.ternmq.core.TestBroker.SessionMode;
import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.protocol.Disconnect;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.RetainHandling;
import io.ternmq.protocol.Subscribe;
import io.ternmq.protocol.TopicSubscription;
import io.ternmq.protocol.Unsubscribe;
import io.ternmq.store.QueuedMessage;
import io.ternmq.store.StoredMessage;
import io.ternmq.store.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.ternmq.core.TestClient.publish;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A topic's match is routed through a kept {@link KeptRoute} (many sessions from its first message, one from its
 * third): every
 * message still reaches exactly the sessions a fresh match would give, after every subscription change, with one
 * task per owning thread and one message row shared by the persistent holders.
 */
class KeptRouteTest {

    private static final int THREADS = 3;
    private static final int SUBSCRIBERS = 12;

    private final InMemoryStorage storage = new InMemoryStorage();
    private final TestBroker broker = new TestBroker(new CoreConfig(THREADS, 4, 100), Authenticator.ALLOW_ALL,
            Authorizer.ALLOW_ALL, new CoreStores(storage), TestBroker.BY_HASH);
    private final TestClient publisher = broker.connected("pub", SessionMode.CLEAN);

    private List<TestClient> subscribers(String prefix, int count, String filter, Qos qos) {
        List<TestClient> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TestClient client = broker.connected(prefix + i, SessionMode.CLEAN);
            client.subscribe(1, filter, qos);
            client.take();
            clients.add(client);
        }
        return clients;
    }

    private static List<String> payloads(TestClient client) {
        return client.take().stream().filter(Publish.class::isInstance).map(Publish.class::cast)
                .map(p -> new String(p.payload(), StandardCharsets.UTF_8)).toList();
    }

    private void publishEach(String... payloads) {
        for (String payload : payloads) {
            publisher.send(publish("fan/out", Qos.AT_MOST_ONCE, 0, payload));
        }
    }

    @Test
    void repeatedTopic_manySessionsOnEveryThread_eachGetsEveryMessageOnceInOrder() {
        List<TestClient> subscribers = subscribers("s", SUBSCRIBERS, "fan/out", Qos.AT_MOST_ONCE);

        publishEach("1", "2", "3");

        for (TestClient subscriber : subscribers) {
            assertThat(payloads(subscriber)).containsExactly("1", "2", "3");
        }
    }

    @Test
    void repeatedTopic_oneTaskPerOwningThreadPerMessage() {
        for (int thread = 0; thread < THREADS; thread++) {
            for (String id : idsOwnedBy(thread, SUBSCRIBERS / THREADS)) {
                broker.connected(id, SessionMode.CLEAN).subscribe(1, "fan/out", Qos.AT_MOST_ONCE);
            }
        }
        publishEach("first"); // builds and keeps the route
        int[] before = broker.executors.stream().mapToInt(ManualExecutor::submitted).toArray();

        publishEach("second");

        int[] after = broker.executors.stream().mapToInt(ManualExecutor::submitted).toArray();
        for (int thread = 0; thread < THREADS; thread++) {
            // the publisher's thread gets the packet and runs its own group inline; the others one group each
            assertThat(after[thread] - before[thread]).as("tasks on thread %d", thread).isEqualTo(1);
        }
        assertThat(broker.core.stats().messagesSent()).isEqualTo(2L * (SUBSCRIBERS / THREADS) * THREADS);
    }

    /** Client ids owned by session thread {@code index}. */
    private static List<String> idsOwnedBy(int index, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; ids.size() < count; i++) {
            if (Math.floorMod(("s" + i).hashCode(), THREADS) == index) {
                ids.add("s" + i);
            }
        }
        return ids;
    }

    @Test
    void subscribeBetweenMessages_theNextMessageReachesTheNewSession() {
        subscribers("s", SUBSCRIBERS, "fan/out", Qos.AT_MOST_ONCE);
        publishEach("1", "2");

        TestClient late = subscribers("late", 1, "fan/+", Qos.AT_MOST_ONCE).getFirst();
        publishEach("3");

        assertThat(payloads(late)).containsExactly("3");
    }

    @Test
    void unsubscribeBetweenMessages_theNextMessageSkipsThatSession() {
        List<TestClient> subscribers = subscribers("s", SUBSCRIBERS, "fan/out", Qos.AT_MOST_ONCE);
        publishEach("1", "2");
        TestClient leaving = subscribers.getFirst();
        assertThat(payloads(leaving)).containsExactly("1", "2");
        leaving.send(new Unsubscribe(2, List.of("fan/out")));
        leaving.take();

        publishEach("3");

        assertThat(payloads(leaving)).isEmpty();
        assertThat(payloads(subscribers.getLast())).containsExactly("1", "2", "3");
    }

    @Test
    void disconnectBetweenMessages_theNextMessageSkipsThatSession() {
        List<TestClient> subscribers = subscribers("s", SUBSCRIBERS, "fan/out", Qos.AT_MOST_ONCE);
        publishEach("1", "2");
        subscribers.getFirst().send(Disconnect.INSTANCE);

        publishEach("3");

        assertThat(payloads(subscribers.get(1))).containsExactly("1", "2", "3");
        assertThat(broker.core.stats().messagesSent()).isEqualTo(3L * SUBSCRIBERS - 1);
    }

    @Test
    void overlappingFilters_repeatedTopic_oneCopyAtTheHighestGrantedQos() {
        // [MQTT-3.3.5-1] one message per session, at the highest QoS among its matching subscriptions
        List<TestClient> subscribers = subscribers("s", SUBSCRIBERS, "fan/out", Qos.AT_MOST_ONCE);
        for (TestClient subscriber : subscribers) {
            subscriber.subscribe(2, "fan/#", Qos.AT_LEAST_ONCE);
            subscriber.take();
        }

        for (int i = 1; i <= 2; i++) {
            publisher.send(publish("fan/out", Qos.AT_LEAST_ONCE, i, "m" + i));
        }

        for (TestClient subscriber : subscribers) {
            assertThat(subscriber.channel().publishes()).extracting(Publish::qos)
                    .containsExactly(Qos.AT_LEAST_ONCE, Qos.AT_LEAST_ONCE);
        }
    }

    @Test
    void noLocalSession_repeatedTopicFromItselfAndAnother_getsOnlyTheOthersMessages() {
        // [MQTT-3.8.3-3] the route kept for one publisher is not used for another
        subscribers("s", SUBSCRIBERS, "fan/out", Qos.AT_MOST_ONCE);

        assertThat(ownAndOthersMessages(2)).containsExactly("theirs1", "theirs2");
    }

    @Test
    void persistentQos1Sessions_repeatedTopic_oneRowPerMessageSharedByItsHolders() {
        List<TestClient> online = new ArrayList<>();
        for (int i = 0; i < SUBSCRIBERS; i++) {
            boolean persistent = i % 2 == 0; // the clean sessions hold no row
            TestClient client = broker.connected("p" + i, persistent ? SessionMode.PERSISTENT : SessionMode.CLEAN);
            client.subscribe(1, "fan/out", Qos.AT_LEAST_ONCE);
            if (persistent) {
                client.send(Disconnect.INSTANCE);
            } else {
                online.add(client);
            }
        }

        for (int i = 1; i <= 2; i++) {
            publisher.send(publish("fan/out", Qos.AT_LEAST_ONCE, i, "m" + i));
        }

        List<StoredMessage> messages = new ArrayList<>();
        storage.messages().forEach(messages::add);
        List<QueuedMessage> queued = new ArrayList<>();
        storage.queues().forEach(queued::add);
        assertThat(messages).hasSize(2);
        assertThat(queued).hasSize(SUBSCRIBERS); // six offline sessions, two messages each
        assertThat(queued).extracting(QueuedMessage::messageId).containsOnly(messages.get(0).id(),
                messages.get(1).id());
        for (TestClient client : online) {
            assertThat(client.channel().publishes()).extracting(Publish::qos)
                    .containsExactly(Qos.AT_LEAST_ONCE, Qos.AT_LEAST_ONCE);
        }
    }

    @Test
    void oneSubscriber_repeatedTopic_eachMessageOnceAndTheLaterSubscriberFromItsSubscribeOn() {
        TestClient subscriber = subscribers("one", 1, "fan/out", Qos.AT_MOST_ONCE).getFirst();
        publishEach("1", "2", "3"); // the third through the route kept at the second

        TestClient late = subscribers("late", 1, "fan/#", Qos.AT_MOST_ONCE).getFirst();
        publishEach("4");
        subscriber.send(new Unsubscribe(2, List.of("fan/out")));
        publishEach("5");

        assertThat(payloads(subscriber)).containsExactly("1", "2", "3", "4");
        assertThat(payloads(late)).containsExactly("4", "5");
    }

    @Test
    void oneNoLocalSubscriber_repeatedTopicFromItselfAndAnother_getsOnlyTheOthersMessages() {
        // [MQTT-3.8.3-3]
        assertThat(ownAndOthersMessages(3)).containsExactly("theirs1", "theirs2", "theirs3");
    }

    /**
     * A 5.0 client subscribed to the topic with No Local publishes {@code rounds} messages there, each followed by
     * one from the other publisher; returns what it received.
     */
    private List<String> ownAndOthersMessages(int rounds) {
        TestClient self = Mqtt5Clients.connected(broker, "self");
        self.send(new Subscribe(1, List.of(new TopicSubscription("fan/out", Qos.AT_MOST_ONCE, true, false,
                RetainHandling.SEND_ON_SUBSCRIBE))));
        self.take();
        for (int i = 1; i <= rounds; i++) {
            self.send(publish("fan/out", Qos.AT_MOST_ONCE, 0, "own" + i));
            publishEach("theirs" + i);
        }
        return payloads(self);
    }
}
