package io.ternmq.core;

import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.protocol.Disconnect;
import io.ternmq.protocol.DisconnectProperties;
import io.ternmq.protocol.PayloadFormat;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.UserProperty;
import io.ternmq.protocol.Will;
import io.ternmq.protocol.WillProperties;
import io.ternmq.store.memory.InMemoryStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static io.ternmq.core.Mqtt5SessionExpiryTest.connect;
import static org.assertj.core.api.Assertions.assertThat;

/** The MQTT 5 Will Delay Interval on the fake clock (3.1.2.5, 3.1.3.2.2). */
class Mqtt5WillDelayTest {

    private final InMemoryStorage storage = new InMemoryStorage();
    private final TestBroker broker = new TestBroker(new CoreConfig(3, 4, 8), Authenticator.ALLOW_ALL,
            Authorizer.ALLOW_ALL, new CoreStores(storage));
    private final TestClient watcher = Mqtt5Clients.connected(broker, "watcher");

    Mqtt5WillDelayTest() {
        watcher.subscribe(1, "will/#", Qos.AT_LEAST_ONCE);
    }

    @AfterEach
    void close() {
        broker.close();
    }

    private static Will will(long delay) {
        var properties = new WillProperties(delay, PayloadFormat.UTF8, 60L, "text/plain", "reply/c",
                "corr".getBytes(StandardCharsets.UTF_8),
                List.of(new UserProperty("z", "1"), new UserProperty("a", "2"), new UserProperty("z", "0")));
        return new Will("will/c", "gone".getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE, false, properties);
    }

    private TestClient connectWithWill(boolean cleanStart, long sessionExpiry, long willDelay) {
        TestClient client = broker.client("peer");
        client.send(connect("c", cleanStart, sessionExpiry, will(willDelay)));
        client.take();
        return client;
    }

    private List<String> willsSeen() {
        return watcher.channel().publishes().stream().map(Publish::topic).toList();
    }

    @Test
    void will_delayPasses_publishedWithItsProperties() {
        // [MQTT-3.1.2-8] after the delay; [MQTT-3.1.3-10] user properties in order
        connectWithWill(true, 60, 5).networkClosed();

        broker.advance(Duration.ofMillis(4_999));
        assertThat(willsSeen()).isEmpty();
        broker.advance(Duration.ofMillis(1));

        assertThat(watcher.channel().publishes()).singleElement().satisfies(will -> {
            assertThat(will.properties().userProperties()).extracting(UserProperty::name)
                    .containsExactly("z", "a", "z");
            assertThat(will.properties().contentType()).isEqualTo("text/plain");
            assertThat(will.properties().responseTopic()).isEqualTo("reply/c");
            assertThat(will.properties().payloadFormatIndicator()).isEqualTo(PayloadFormat.UTF8);
            assertThat(will.properties().messageExpiryInterval()).isEqualTo(60L); // starts when published
        });
        assertThat(storage.wills().all()).isEmpty();
    }

    @Test
    void will_waitingDelay_storedForARestart() {
        connectWithWill(true, 60, 5).networkClosed();

        assertThat(storage.wills().all()).singleElement().satisfies(row -> {
            assertThat(row.publishAt().toEpochMilli()).isEqualTo(broker.clock.currentTimeMillis() + 5_000);
            assertThat(row.properties().messageExpiryInterval()).isEqualTo(60L);
            assertThat(row.properties().userProperties()).hasSize(3);
        });
    }

    @Test
    void will_clientReconnectsBeforeDelay_neverPublished() {
        // [MQTT-3.1.3-9]
        connectWithWill(true, 60, 5).networkClosed();
        broker.advance(Duration.ofSeconds(4));

        broker.client("peer-2").send(connect("c", false, 60L, null));
        broker.advance(Duration.ofMinutes(10));

        assertThat(willsSeen()).isEmpty();
        assertThat(storage.wills().all()).isEmpty();
    }

    @Test
    void will_reconnectWithCleanStart_sessionEndsSoWillPublishedAtOnce() {
        // [MQTT-3.1.2-8] [MQTT-3.1.2-4] the old session ends, and its will goes out with it
        connectWithWill(true, 60, 30).networkClosed();

        broker.client("peer-2").send(connect("c", true, 60L, null));

        assertThat(willsSeen()).containsExactly("will/c");
    }

    @Test
    void will_sessionExpiresBeforeDelay_publishedAtSessionEnd() {
        // [MQTT-3.1.2-8] whichever happens first
        connectWithWill(true, 3, 30).networkClosed();

        broker.advance(Duration.ofMillis(2_999));
        assertThat(willsSeen()).isEmpty();
        broker.advance(Duration.ofMillis(1));

        assertThat(willsSeen()).containsExactly("will/c");
        assertThat(broker.sessionInfo("c")).isEmpty();
    }

    @Test
    void will_sessionExpiryZero_publishedWhenTheConnectionEnds() {
        // [MQTT-3.1.2-8] the session ends with the connection
        connectWithWill(true, 0, 30).networkClosed();

        assertThat(willsSeen()).containsExactly("will/c");
    }

    @Test
    void will_disconnectWithWillMessage_delayStillApplies() {
        // 3.14.2.1 0x04 publishes the will, like an abnormal end: after its delay
        connectWithWill(true, 60, 5).send(new Disconnect(ReasonCode.DISCONNECT_WITH_WILL_MESSAGE,
                DisconnectProperties.EMPTY));

        assertThat(willsSeen()).isEmpty();
        broker.advance(Duration.ofSeconds(5));

        assertThat(willsSeen()).containsExactly("will/c");
    }

    @Test
    void will_normalDisconnect_discardedEvenWithDelay() {
        // [MQTT-3.14.4-3] [MQTT-3.1.2-10]
        connectWithWill(true, 60, 5).send(new Disconnect(ReasonCode.SUCCESS, DisconnectProperties.EMPTY));
        broker.advance(Duration.ofMinutes(5));

        assertThat(willsSeen()).isEmpty();
        assertThat(storage.wills().all()).isEmpty();
    }

    @Test
    void will_takenOverBeforeDelay_notPublished() {
        // [MQTT-3.1.3-9] the new connection to the session comes in time
        connectWithWill(true, 60, 5);

        broker.client("peer-2").send(connect("c", false, 60L, null));
        broker.advance(Duration.ofMinutes(5));

        assertThat(willsSeen()).isEmpty();
    }
}
