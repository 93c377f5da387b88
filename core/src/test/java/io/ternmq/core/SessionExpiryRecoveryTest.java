package io.ternmq.core;

import io.ternmq.core.TestBroker.SessionMode;
import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.protocol.Connack;
import io.ternmq.protocol.PayloadFormat;
import io.ternmq.protocol.PublishProperties;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.UserProperty;
import io.ternmq.store.QueuedMessage;
import io.ternmq.store.StoredMessage;
import io.ternmq.store.StoredSession;
import io.ternmq.store.StoredWill;
import io.ternmq.store.memory.InMemoryStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions with an expiry and delayed wills restored after a restart keep what remained of their time; the fake
 * clock starts at epoch millis 1000.
 */
class SessionExpiryRecoveryTest {

    private static final long START = 1_000;

    private final InMemoryStorage storage = new InMemoryStorage();
    private TestBroker broker;

    @AfterEach
    void close() {
        broker.close();
    }

    private void start() {
        broker = new TestBroker(new CoreConfig(2, 8, 100), Authenticator.ALLOW_ALL, Authorizer.ALLOW_ALL,
                new CoreStores(storage));
    }

    private static Instant at(long millisAfterStart) {
        return Instant.ofEpochMilli(START + millisAfterStart);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void storeSession(String clientId, @org.jspecify.annotations.Nullable Instant expiresAt, long interval) {
        storage.sessions().save(new StoredSession(clientId, Map.of("t/#", Qos.AT_LEAST_ONCE), expiresAt, interval,
                Map.of()));
    }

    @Test
    void restoredSession_storedExpiryPasses_discardedWithItsRows() {
        // [MQTT-4.1.0-2]
        storeSession("c", at(5_000), 60);
        storage.messages().put(new StoredMessage(1, "t/1", Qos.AT_LEAST_ONCE, utf8("queued")));
        storage.queues().add(new QueuedMessage("c", 1, 1, Qos.AT_LEAST_ONCE, false));
        start();

        broker.advance(Duration.ofMillis(4_999));
        assertThat(broker.sessionInfo("c")).isPresent();

        broker.advance(Duration.ofMillis(1));
        assertThat(broker.sessionInfo("c")).isEmpty();
        assertThat(storage.sessions().find("c")).isEmpty();
        List<QueuedMessage> queued = new ArrayList<>();
        storage.queues().forEach(queued::add);
        assertThat(queued).isEmpty();
        assertThat(broker.core.stats().expiredSessions()).isEqualTo(1);
    }

    @Test
    void restoredSession_expiryPassedWhileDown_discardedAtFirstTick() {
        storeSession("c", at(-1), 1);
        start();

        broker.advance(Duration.ZERO);

        assertThat(broker.sessionInfo("c")).isEmpty();
    }

    @Test
    void restoredSession_connectedWhenStopped_countsFullIntervalFromRestart() {
        storeSession("c", null, 10);
        start();

        assertThat(storage.sessions().find("c")).hasValueSatisfying(s -> assertThat(s.expiresAt()).isEqualTo(at(0)
                .plusSeconds(10)));
        broker.advance(Duration.ofMillis(9_999));
        assertThat(broker.sessionInfo("c")).isPresent();
        broker.advance(Duration.ofMillis(1));
        assertThat(broker.sessionInfo("c")).isEmpty();
    }

    @Test
    void restoredSession_neverExpiring_keptIndefinitely() {
        storeSession("c", null, StoredSession.NEVER);
        storage.sessions().save(new StoredSession("v311", Map.of("a", Qos.AT_MOST_ONCE)));
        start();

        broker.advance(Duration.ofDays(400));

        assertThat(broker.sessionInfo("c")).isPresent();
        assertThat(broker.sessionInfo("v311")).isPresent();
    }

    @Test
    void restoredSession_clientBackInTime_resumedAndNoLongerExpiring() {
        // [MQTT-4.1.0-1] [MQTT-3.1.2-5]
        storeSession("c", at(5_000), 5);
        start();

        TestClient client = broker.client("peer");
        client.send(TestBroker.connect("c", SessionMode.PERSISTENT, 0, null));
        assertThat(client.take()).containsExactly(new Connack(true, io.ternmq.protocol.ConnectReturnCode.ACCEPTED));
        broker.advance(Duration.ofHours(1));

        assertThat(broker.sessionInfo("c")).isPresent();
        assertThat(storage.sessions().find("c")).hasValueSatisfying(s -> assertThat(s.expiresAt()).isNull());
    }

    @Test
    void restoredDelayedWill_delayPasses_publishedWithItsProperties() {
        // [MQTT-3.1.2-8] [MQTT-3.1.3-10] user properties in their order
        storeSession("c", at(60_000), 60);
        var properties = new PublishProperties(PayloadFormat.UTF8, 30L, null, "reply/c", utf8("id-1"),
                List.of(new UserProperty("z", "1"), new UserProperty("a", "2"), new UserProperty("z", "0")), List.of(),
                "text/plain");
        storage.wills().put(new StoredWill("c", "wills/c", utf8("gone"), Qos.AT_LEAST_ONCE, false, at(3_000),
                properties));
        start();
        TestClient watcher = broker.connected("watcher", SessionMode.CLEAN);
        watcher.subscribe(1, "wills/#", Qos.AT_LEAST_ONCE);

        broker.advance(Duration.ofMillis(2_999));
        assertThat(watcher.channel().publishes()).isEmpty();
        broker.advance(Duration.ofMillis(1));

        assertThat(watcher.channel().publishes()).singleElement().satisfies(will -> {
            assertThat(will.topic()).isEqualTo("wills/c");
            assertThat(TestClient.text(will)).isEqualTo("gone");
            assertThat(will.properties().userProperties()).isEqualTo(properties.userProperties());
            assertThat(will.properties().contentType()).isEqualTo("text/plain");
            assertThat(will.properties().responseTopic()).isEqualTo("reply/c");
            assertThat(will.properties().correlationData()).isEqualTo(utf8("id-1"));
            assertThat(will.properties().payloadFormatIndicator()).isEqualTo(PayloadFormat.UTF8);
        });
        assertThat(storage.wills().all()).isEmpty();
        assertThat(broker.sessionInfo("c")).isPresent();
    }

    @Test
    void restoredDelayedWill_clientReconnectsInTime_neverPublished() {
        // [MQTT-3.1.3-9]
        storeSession("c", at(60_000), 60);
        storage.wills().put(new StoredWill("c", "wills/c", utf8("gone"), Qos.AT_MOST_ONCE, false, at(3_000)));
        start();
        TestClient watcher = broker.connected("watcher", SessionMode.CLEAN);
        watcher.subscribe(1, "wills/#", Qos.AT_MOST_ONCE);

        broker.client("peer").send(TestBroker.connect("c", SessionMode.PERSISTENT, 0, null));
        broker.advance(Duration.ofMinutes(5));

        assertThat(watcher.channel().publishes()).isEmpty();
        assertThat(storage.wills().all()).isEmpty();
    }

    @Test
    void restoredDelayedWill_sessionExpiresFirst_publishedAtSessionEnd() {
        // [MQTT-3.1.2-8] the session ending publishes the will even before its delay is over
        storeSession("c", at(2_000), 2);
        storage.wills().put(new StoredWill("c", "wills/c", utf8("gone"), Qos.AT_MOST_ONCE, false, at(9_000)));
        start();
        TestClient watcher = broker.connected("watcher", SessionMode.CLEAN);
        watcher.subscribe(1, "wills/#", Qos.AT_MOST_ONCE);

        broker.advance(Duration.ofMillis(2_000));

        assertThat(watcher.channel().publishes()).extracting(Publish::topic).containsExactly("wills/c");
        assertThat(broker.sessionInfo("c")).isEmpty();
        assertThat(storage.wills().all()).isEmpty();
    }

    @Test
    void storedWill_withoutSession_removedUnpublished() {
        storage.wills().put(new StoredWill("gone", "wills/gone", utf8("x"), Qos.AT_MOST_ONCE, false, at(1_000)));
        start();
        TestClient watcher = broker.connected("watcher", SessionMode.CLEAN);
        watcher.subscribe(1, "wills/#", Qos.AT_MOST_ONCE);

        broker.advance(Duration.ofSeconds(5));

        assertThat(watcher.channel().publishes()).isEmpty();
        assertThat(storage.wills().all()).isEmpty();
    }
}
