package io.ternmq.core;

import io.ternmq.core.TestBroker.SessionMode;
import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.core.auth.ClientIdentity;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.Disconnect;
import io.ternmq.protocol.MalformedPacketException;
import io.ternmq.protocol.Pingresp;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.Will;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class WillTest {

    private final TestBroker broker = new TestBroker();
    private final TestClient watcher = broker.connected("watcher", SessionMode.CLEAN);

    WillTest() {
        watcher.subscribe(1, "wills/#", Qos.EXACTLY_ONCE);
    }

    private static Will will(Qos qos, boolean retain) {
        return new Will("wills/c1", "gone".getBytes(StandardCharsets.UTF_8), qos, retain);
    }

    private TestClient connectWithWill(Will will) {
        TestClient client = broker.client("peer");
        client.send(TestBroker.connect("c1", SessionMode.CLEAN, 30, will));
        client.take();
        return client;
    }

    private void assertWillPublishedAfter(Consumer<TestClient> ending) {
        TestClient client = connectWithWill(will(Qos.AT_LEAST_ONCE, false));

        ending.accept(client);

        // [MQTT-3.1.2-8] published when the connection closes without DISCONNECT
        assertThat(client.channel().isClosed()).isTrue();
        assertThat(watcher.channel().publishes()).extracting(Publish::topic, TestClient::text, Publish::qos)
                .containsExactly(tuple("wills/c1", "gone", Qos.AT_LEAST_ONCE));
    }

    @Test
    void will_keepAliveTimeout_published() {
        // [MQTT-3.1.2-24] a keep-alive expiry counts as a network failure
        assertWillPublishedAfter(TestClient::keepAliveTimeout);
    }

    @Test
    void will_networkClosedWithoutDisconnect_published() {
        assertWillPublishedAfter(TestClient::networkClosed);
    }

    @Test
    void will_malformedPacket_published() {
        // [MQTT-4.8.0-1]
        assertWillPublishedAfter(c -> c.malformed(new MalformedPacketException(ReasonCode.MALFORMED_PACKET, "bad")));
    }

    @Test
    void will_protocolViolation_published() {
        assertWillPublishedAfter(c -> c.send(Pingresp.INSTANCE));
    }

    @Test
    void will_secondConnect_published() {
        // [MQTT-3.1.0-2]
        assertWillPublishedAfter(c -> c.send(TestBroker.connect("c1", SessionMode.CLEAN, 0, null)));
    }

    @Test
    void will_takeover_publishedForOldConnection() {
        // [MQTT-3.1.4-2] the existing client is disconnected abnormally
        assertWillPublishedAfter(c -> broker.client("newcomer").send(TestBroker.connect("c1", SessionMode.CLEAN,
                0, null)));
    }

    @Test
    void will_afterDisconnect_notPublished() {
        TestClient client = connectWithWill(will(Qos.AT_LEAST_ONCE, false));

        client.send(Disconnect.INSTANCE);
        client.networkClosed();

        // [MQTT-3.14.4-3] [MQTT-3.1.2-10] discarded by DISCONNECT
        assertThat(client.channel().isClosed()).isTrue();
        assertThat(watcher.channel().publishes()).isEmpty();
    }

    @Test
    void will_noWillFlag_nothingPublished() {
        TestClient client = connectWithWill(null);

        client.networkClosed();

        // [MQTT-3.1.2-12]
        assertThat(watcher.channel().publishes()).isEmpty();
    }

    @Test
    void will_published_onlyOnce() {
        TestClient client = connectWithWill(will(Qos.AT_MOST_ONCE, false));

        client.keepAliveTimeout();
        client.networkClosed();

        // [MQTT-3.1.2-10] deleted once published
        assertThat(watcher.channel().publishes()).hasSize(1);
    }

    @Test
    void will_retainSet_publishedAsRetained() {
        TestClient client = connectWithWill(will(Qos.EXACTLY_ONCE, true));
        client.networkClosed();

        TestClient late = broker.connected("late", SessionMode.CLEAN);
        late.subscribe(1, "wills/+", Qos.EXACTLY_ONCE);

        // [MQTT-3.1.2-17] retained, [MQTT-3.1.2-9] its QoS applies; live copy has RETAIN=0 [MQTT-3.3.1-9]
        assertThat(watcher.channel().publishes()).extracting(Publish::qos, Publish::retain)
                .containsExactly(tuple(Qos.EXACTLY_ONCE, false));
        assertThat(late.channel().publishes()).extracting(Publish::qos, Publish::retain)
                .containsExactly(tuple(Qos.EXACTLY_ONCE, true));
    }

    @Test
    void will_retainClear_notRetained() {
        TestClient client = connectWithWill(will(Qos.AT_MOST_ONCE, false));
        client.networkClosed();

        TestClient late = broker.connected("late", SessionMode.CLEAN);
        late.subscribe(1, "wills/+", Qos.EXACTLY_ONCE);

        // [MQTT-3.1.2-16]
        assertThat(late.channel().publishes()).isEmpty();
    }

    @Test
    void will_refusedConnect_neverPublished() {
        TestBroker refusing = new TestBroker(new CoreConfig(1, 4, 8),
                request -> java.util.concurrent.CompletableFuture.completedFuture(
                        io.ternmq.core.auth.AuthenticationResult.NOT_AUTHORIZED),
                Authorizer.ALLOW_ALL, CoreStores.inMemory());
        TestClient client = refusing.client("peer");
        client.send(TestBroker.connect("c1", SessionMode.CLEAN, 0, will(Qos.AT_MOST_ONCE, true)));
        client.networkClosed();

        TestClient late = refusing.connected("late", SessionMode.CLEAN);
        late.subscribe(1, "#", Qos.AT_MOST_ONCE);
        assertThat(late.channel().publishes()).isEmpty();
    }

    @Test
    void will_topicNotAuthorized_dropped() {
        Authorizer noWills = new Authorizer() {
            @Override
            public boolean mayPublish(ClientIdentity client, String topic) {
                return !topic.startsWith("wills/");
            }

            @Override
            public boolean maySubscribe(ClientIdentity client, String topicFilter) {
                return true;
            }
        };
        TestBroker strict = new TestBroker(new CoreConfig(2, 4, 8), Authenticator.ALLOW_ALL, noWills,
                CoreStores.inMemory());
        TestClient observer = strict.connected("observer", SessionMode.CLEAN);
        observer.subscribe(1, "#", Qos.AT_MOST_ONCE);
        TestClient client = strict.client("peer");
        client.send(new Connect(io.ternmq.protocol.ProtocolVersion.MQTT_3_1_1, "c1", true, 0, null, null,
                will(Qos.AT_MOST_ONCE, false)));

        client.networkClosed();

        assertThat(observer.channel().publishes()).isEmpty();
        assertThat(strict.core.stats().unauthorizedPublishes()).isEqualTo(1);
    }
}
