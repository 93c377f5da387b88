package io.ternmq.core;

import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.protocol.Connack;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.ConnectProperties;
import io.ternmq.protocol.Disconnect;
import io.ternmq.protocol.DisconnectProperties;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.Will;
import io.ternmq.store.StoredSession;
import io.ternmq.store.memory.InMemoryStorage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** MQTT 5 session expiry on the fake clock: 3.1.2.11.2, 3.14.2.2.2, 4.1. */
class Mqtt5SessionExpiryTest {

    private final InMemoryStorage storage = new InMemoryStorage();
    private final TestBroker broker = new TestBroker(new CoreConfig(3, 4, 8), Authenticator.ALLOW_ALL,
            Authorizer.ALLOW_ALL, new CoreStores(storage));

    @AfterEach
    void close() {
        broker.close();
    }

    static Connect connect(String clientId, boolean cleanStart, @Nullable Long sessionExpiry, @Nullable Will will) {
        var properties = new ConnectProperties(sessionExpiry, null, null, null, null, null, null, null, List.of());
        return new Connect(ProtocolVersion.MQTT_5, clientId, cleanStart, 0, null, null, will, properties);
    }

    static Disconnect disconnect(@Nullable Long sessionExpiry) {
        return new Disconnect(ReasonCode.SUCCESS, new DisconnectProperties(sessionExpiry, null, List.of(), null));
    }

    /** Connects and returns whether the CONNACK said Session Present. */
    private boolean connectAndTell(TestClient client, boolean cleanStart, @Nullable Long sessionExpiry) {
        client.send(connect("c", cleanStart, sessionExpiry, null));
        Connack connack = (Connack) client.take().getFirst();
        assertThat(connack.returnCode()).isZero();
        return connack.sessionPresent();
    }

    private TestClient connectedThenGone(long sessionExpiry) {
        TestClient client = broker.client("peer");
        connectAndTell(client, true, sessionExpiry);
        client.subscribe(1, "t/#", Qos.AT_LEAST_ONCE);
        client.networkClosed();
        return client;
    }

    @Test
    void sessionExpiry_intervalPassesAfterDisconnect_sessionAndRowsDiscarded() {
        // [MQTT-4.1.0-2] [MQTT-3.1.2-23]
        connectedThenGone(10);

        broker.advance(Duration.ofMillis(9_999));
        assertThat(broker.sessionInfo("c")).isPresent();
        broker.advance(Duration.ofMillis(1));

        assertThat(broker.sessionInfo("c")).isEmpty();
        assertThat(storage.sessions().find("c")).isEmpty();
        assertThat(broker.core.stats().expiredSessions()).isEqualTo(1);
    }

    @Test
    void sessionExpiry_whileDisconnected_storedWithItsExpiryTime() {
        connectedThenGone(10);

        assertThat(storage.sessions().find("c")).hasValueSatisfying(row -> {
            assertThat(row.expiryInterval()).isEqualTo(10);
            assertThat(row.expiresAt()).isNotNull();
            assertThat(row.expiresAt().toEpochMilli()).isEqualTo(broker.clock.currentTimeMillis() + 10_000);
        });
    }

    @Test
    void sessionExpiry_clientBackInTime_resumedAndCountingRestartsAtNextDisconnect() {
        // [MQTT-3.1.2-5] [MQTT-3.2.2-3] resumed; [MQTT-4.1.0-1] never discarded while connected
        connectedThenGone(10);
        broker.advance(Duration.ofSeconds(9));

        TestClient back = broker.client("peer-2");
        assertThat(connectAndTell(back, false, 10L)).isTrue();
        assertThat(storage.sessions().find("c")).hasValueSatisfying(row -> assertThat(row.expiresAt()).isNull());
        broker.advance(Duration.ofHours(1));
        assertThat(broker.sessionInfo("c")).isPresent();

        back.networkClosed();
        broker.advance(Duration.ofMillis(9_999));
        assertThat(broker.sessionInfo("c")).isPresent();
        broker.advance(Duration.ofMillis(1));
        assertThat(broker.sessionInfo("c")).isEmpty();
    }

    @Test
    void sessionExpiry_afterExpiry_reconnectGetsSessionPresent0() {
        // [MQTT-3.2.2-3] no session any more
        connectedThenGone(1);
        broker.advance(Duration.ofSeconds(1));

        assertThat(connectAndTell(broker.client("peer-2"), false, 60L)).isFalse();
    }

    @Test
    void sessionExpiry_maximumValue_neverExpires() {
        // 3.1.2.11.2 0xFFFFFFFF: the session does not expire
        connectedThenGone(0xFFFF_FFFFL);

        broker.advance(Duration.ofDays(365 * 200));

        assertThat(broker.sessionInfo("c")).isPresent();
        assertThat(storage.sessions().find("c")).hasValueSatisfying(row -> {
            assertThat(row.expiryInterval()).isEqualTo(StoredSession.NEVER);
            assertThat(row.expiresAt()).isNull();
        });
    }

    @Test
    void sessionExpiry_absent_sessionEndsWithTheConnection() {
        // 3.1.2.11.2 absent means 0
        TestClient client = broker.client("peer");
        connectAndTell(client, false, null);
        client.networkClosed();

        assertThat(broker.sessionInfo("c")).isEmpty();
        assertThat(connectAndTell(broker.client("peer-2"), false, 60L)).isFalse();
    }

    @Test
    void disconnect_newInterval_replacesTheConnectOne() {
        // 3.14.2.2.2
        TestClient client = broker.client("peer");
        connectAndTell(client, true, 3600L);

        client.send(disconnect(5L));
        broker.advance(Duration.ofSeconds(5));

        assertThat(broker.sessionInfo("c")).isEmpty();
    }

    @Test
    void disconnect_zero_sessionEndsAtOnce() {
        TestClient client = broker.client("peer");
        connectAndTell(client, true, 3600L);

        client.send(disconnect(0L));

        assertThat(broker.sessionInfo("c")).isEmpty();
        assertThat(storage.sessions().find("c")).isEmpty();
    }

    @Test
    void disconnect_longerInterval_storedAndKeptLonger() {
        TestClient client = broker.client("peer");
        connectAndTell(client, true, 5L);

        client.send(disconnect(0xFFFF_FFFFL));
        broker.advance(Duration.ofDays(30));

        assertThat(broker.sessionInfo("c")).isPresent();
        assertThat(storage.sessions().find("c")).hasValueSatisfying(row ->
                assertThat(row.expiryInterval()).isEqualTo(StoredSession.NEVER));
    }

    @Test
    void disconnect_intervalAfterZeroAtConnect_protocolErrorAndWillPublished() {
        // 3.14.2.2.2 a non-zero interval after 0 at CONNECT is a Protocol Error: DISCONNECT 0x82 [MQTT-4.13.1-1]
        TestClient watcher = Mqtt5Clients.connected(broker, "watcher");
        watcher.subscribe(1, "will/#", Qos.AT_MOST_ONCE);
        TestClient client = broker.client("peer");
        client.send(connect("c", true, 0L, new Will("will/c", "gone".getBytes(StandardCharsets.UTF_8),
                Qos.AT_MOST_ONCE, false)));
        client.take();

        client.send(disconnect(30L));

        assertThat(client.take()).containsExactly(new Disconnect(ReasonCode.PROTOCOL_ERROR,
                DisconnectProperties.EMPTY));
        assertThat(client.channel().isClosed()).isTrue();
        assertThat(watcher.channel().publishes()).extracting(Publish::topic).containsExactly("will/c");
        assertThat(broker.sessionInfo("c")).isEmpty();
    }

    @Test
    void cleanStart_existingSessionWithExpiry_discarded() {
        // [MQTT-3.1.2-4] [MQTT-3.2.2-2]
        connectedThenGone(3600);

        assertThat(connectAndTell(broker.client("peer-2"), true, 3600L)).isFalse();
        assertThat(broker.sessionInfo("c")).hasValueSatisfying(info ->
                assertThat(info.topicFilters()).isEmpty());
    }

    @Test
    void mqtt311PersistentSession_neverExpires() {
        TestClient client = broker.client("peer");
        client.send(TestBroker.connect("c", TestBroker.SessionMode.PERSISTENT, 0, null));
        client.networkClosed();

        broker.advance(Duration.ofDays(10_000));

        assertThat(broker.sessionInfo("c")).isPresent();
        assertThat(storage.sessions().find("c")).hasValueSatisfying(row -> {
            assertThat(row.expiryInterval()).isEqualTo(StoredSession.NEVER);
            assertThat(row.expiresAt()).isNull();
        });
    }
}
