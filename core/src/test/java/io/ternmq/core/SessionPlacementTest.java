package io.ternmq.core;

import io.ternmq.core.TestBroker.SessionMode;
import io.ternmq.core.auth.AuthenticationResult;
import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.protocol.Connack;
import io.ternmq.protocol.Disconnect;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.Qos;
import io.ternmq.store.Storage;
import io.ternmq.store.StoredSession;
import io.ternmq.store.memory.InMemoryStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients are spread over the session threads by how many client ids each owns, and a client id stays on its
 * thread while it has a connection or a session, so that takeover stays serialised [MQTT-3.1.4-2].
 */
class SessionPlacementTest {

    private static final int THREADS = 3;

    private final TestBroker broker = new TestBroker(new CoreConfig(THREADS, 4, 8));

    @AfterEach
    void close() {
        broker.close();
    }

    private int threadOf(TestClient client) {
        Executor shared = client.channel().sharedThread();
        return IntStream.range(0, THREADS).filter(i -> broker.executors.get(i) == shared).findFirst().orElseThrow();
    }

    private long owned() {
        return IntStream.range(0, THREADS).mapToLong(i -> broker.core.stats().clientIdsOwned(i)).sum();
    }

    @Test
    void connect_thirtyNewClients_tenOnEachSessionThread() {
        int[] perThread = new int[THREADS];
        for (int i = 0; i < 30; i++) {
            perThread[threadOf(broker.connected("client" + i, SessionMode.CLEAN))]++;
        }

        assertThat(perThread).containsOnly(10);
        for (int i = 0; i < THREADS; i++) {
            assertThat(broker.core.stats().clientIdsOwned(i)).isEqualTo(10);
        }
    }

    @Test
    void connect_clientIdConnectedOnAThread_takeoverRunsThereThoughOthersOwnFewer() {
        TestClient first = broker.connected("same", SessionMode.PERSISTENT);
        int thread = threadOf(first);
        for (int i = 0; i < 5; i++) {
            broker.connected("other" + i, SessionMode.CLEAN); // the other threads now own fewer
        }

        TestClient second = broker.connected("same", SessionMode.PERSISTENT);

        assertThat(threadOf(second)).isEqualTo(thread);
        assertThat(first.channel().isClosed()).as("taken over [MQTT-3.1.4-2]").isTrue();
        assertThat(second.channel().isClosed()).isFalse();
    }

    @Test
    void connect_offlinePersistentSession_resumedOnItsThread() {
        TestClient first = broker.connected("parked", SessionMode.PERSISTENT);
        int thread = threadOf(first);
        first.send(Disconnect.INSTANCE);
        for (int i = 0; i < 5; i++) {
            broker.connected("other" + i, SessionMode.CLEAN);
        }

        TestClient again = broker.client("10.0.0.2:2000");
        List<MqttPacket> answer = again.send(TestBroker.connect("parked", SessionMode.PERSISTENT, 0, null)).take();

        assertThat(threadOf(again)).isEqualTo(thread);
        assertThat(((Connack) answer.getFirst()).sessionPresent()).as("[MQTT-3.1.2-4]").isTrue();
    }

    @Test
    void clientIds_everyWayAConnectionOrSessionEnds_noneOwnedAfter() {
        broker.connected("disconnects", SessionMode.CLEAN).send(Disconnect.INSTANCE);
        broker.connected("drops", SessionMode.CLEAN).networkClosed();
        broker.connected("times-out", SessionMode.CLEAN).keepAliveTimeout();
        broker.connected("taken", SessionMode.CLEAN);
        broker.connected("taken", SessionMode.CLEAN).networkClosed();
        broker.connected("parked", SessionMode.PERSISTENT).send(Disconnect.INSTANCE);
        assertThat(owned()).as("only the offline persistent session").isEqualTo(1);

        broker.connected("parked", SessionMode.CLEAN).send(Disconnect.INSTANCE); // discards it [MQTT-3.1.2-6]

        assertThat(owned()).isZero();
    }

    @Test
    void connect_refusedByTheAuthenticator_clientIdNotOwnedAfter() {
        Authenticator refusing = request -> CompletableFuture.completedFuture(AuthenticationResult.NOT_AUTHORIZED);
        try (TestBroker refusingBroker = new TestBroker(new CoreConfig(THREADS, 4, 8), refusing, Authorizer.ALLOW_ALL,
                CoreStores.inMemory())) {
            TestClient client = refusingBroker.client("10.0.0.3:3000");
            client.send(TestBroker.connect("refused", SessionMode.PERSISTENT, 0, null));

            assertThat(client.channel().isClosed()).isTrue();
            assertThat(refusingBroker.core.stats().clientIdsOwned(0)).isZero();
            assertThat(refusingBroker.core.stats().sessions()).isZero();
        }
    }

    /**
     * Once released, a client id's next session may start on another thread and store itself: the expired
     * session's stored row must be gone first, or its removal could delete the new one.
     */
    @Test
    void expiredSession_storedRowRemovedWhileItsClientIdIsStillOwned() {
        InMemoryStorage storage = new InMemoryStorage();
        storage.sessions().save(new StoredSession("expiring", Map.of("t", Qos.AT_LEAST_ONCE),
                Instant.ofEpochMilli(1_000 + 5_000), 60, Map.of())); // the fake clock starts at 1,000
        AtomicReference<TestBroker> started = new AtomicReference<>();
        List<Long> ownedAtRemoval = new ArrayList<>();
        Storage watching = new SessionRemovalWatchingStorage(storage, clientId -> ownedAtRemoval.add(
                IntStream.range(0, THREADS).mapToLong(i -> started.get().core.stats().clientIdsOwned(i)).sum()));

        try (TestBroker restarted = new TestBroker(new CoreConfig(THREADS, 4, 8), Authenticator.ALLOW_ALL,
                Authorizer.ALLOW_ALL, new CoreStores(watching))) {
            started.set(restarted);
            restarted.advance(Duration.ofSeconds(5)); // [MQTT-4.1.0-2]

            assertThat(ownedAtRemoval).containsExactly(1L);
            assertThat(restarted.core.stats().clientIdsOwned(0) + restarted.core.stats().clientIdsOwned(1)
                    + restarted.core.stats().clientIdsOwned(2)).as("released after").isZero();
            assertThat(storage.sessions().find("expiring")).isEmpty();
        }
    }

    @Test
    void restart_storedSessions_spreadOverTheThreadsAndOwned() {
        InMemoryStorage storage = new InMemoryStorage();
        for (int i = 0; i < 9; i++) {
            storage.sessions().save(new StoredSession("stored" + i, Map.of("t", Qos.AT_LEAST_ONCE)));
        }

        try (TestBroker restarted = new TestBroker(new CoreConfig(THREADS, 4, 8), Authenticator.ALLOW_ALL,
                Authorizer.ALLOW_ALL, new CoreStores(storage))) {
            List<Long> perThread = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                perThread.add(restarted.core.stats().clientIdsOwned(i));
            }
            assertThat(perThread).containsOnly(3L);
            TestClient client = restarted.client("10.0.0.4:4000");
            List<MqttPacket> answer = client.send(TestBroker.connect("stored4", SessionMode.PERSISTENT, 0, null))
                    .take();
            assertThat(((Connack) answer.getFirst()).sessionPresent()).as("resumed [MQTT-3.1.2-4]").isTrue();
            assertThat(restarted.core.stats().sessions()).isEqualTo(9);
        }
    }
}
