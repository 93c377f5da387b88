package io.ternmq.core;

import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.protocol.Connack;
import io.ternmq.protocol.Qos;
import io.ternmq.store.memory.InMemoryStorage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.ternmq.core.Mqtt5SessionExpiryTest.connect;
import static io.ternmq.core.Mqtt5SessionExpiryTest.disconnect;
import static org.assertj.core.api.Assertions.assertThat;

/** A configured maximum session expiry (mqtt.max_session_expiry): announced in CONNACK and enforced (3.2.2.3.2). */
class Mqtt5SessionExpiryCapTest {

    private final InMemoryStorage storage = new InMemoryStorage();
    private final TestBroker broker = new TestBroker(new CoreConfig(2, 4, 8, TopicLimits.PROTOCOL,
            new Mqtt5Settings(Mqtt5Settings.PROTOCOL_MAXIMUM_PACKET_SIZE, 65_535, 10,
                    new Mqtt5ConnectPolicy(0, null, null, Qos.EXACTLY_ONCE, RetainSupport.AVAILABLE, 60))),
            Authenticator.ALLOW_ALL, Authorizer.ALLOW_ALL,
            new CoreStores(storage));

    @AfterEach
    void close() {
        broker.close();
    }

    private Connack connack(TestClient client, @Nullable Long sessionExpiry) {
        client.send(connect("c", true, sessionExpiry, null));
        return (Connack) client.take().getFirst();
    }

    @Test
    void connack_askedForMore_toldTheMaximum() {
        // 3.2.2.3.2 the server says so when it uses another Session Expiry Interval than the client asked for
        assertThat(connack(broker.client("p"), 0xFFFF_FFFFL).properties().sessionExpiryInterval()).isEqualTo(60L);
    }

    @Test
    void connack_askedForLessOrNone_noSessionExpiryProperty() {
        assertThat(connack(broker.client("p1"), 30L).properties().sessionExpiryInterval()).isNull();
        assertThat(connack(broker.client("p2"), null).properties().sessionExpiryInterval()).isNull();
    }

    @Test
    void sessionExpiry_askedForMore_expiresAtTheMaximum() {
        // [MQTT-4.1.0-2] with the interval the server holds the client to
        TestClient client = broker.client("p");
        connack(client, 0xFFFF_FFFFL);
        client.networkClosed();

        broker.advance(Duration.ofMillis(59_999));
        assertThat(broker.sessionInfo("c")).isPresent();
        broker.advance(Duration.ofMillis(1));
        assertThat(broker.sessionInfo("c")).isEmpty();
    }

    @Test
    void disconnect_longerInterval_cappedToo() {
        TestClient client = broker.client("p");
        connack(client, 10L);

        client.send(disconnect(86_400L));
        broker.advance(Duration.ofSeconds(60));

        assertThat(broker.sessionInfo("c")).isEmpty();
    }
}
