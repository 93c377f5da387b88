package io.ternmq.core;

import io.ternmq.core.TestBroker.SessionMode;
import io.ternmq.core.auth.AuthenticationResult;
import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.protocol.Connack;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.MalformedPacketException;
import io.ternmq.protocol.Pingreq;
import io.ternmq.protocol.Pingresp;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.Suback;
import io.ternmq.protocol.Subscribe;
import io.ternmq.protocol.TopicSubscription;
import io.ternmq.protocol.UnsupportedProtocolVersionException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectTest {

    private final TestBroker broker = new TestBroker();

    @Test
    void connect_cleanSession_acceptedWithoutSessionPresent() {
        TestClient client = broker.client("peer");
        client.send(TestBroker.connect("c1", SessionMode.CLEAN, 0, null));

        // [MQTT-3.1.4-4] return code 0; [MQTT-3.2.2-1] Session Present 0 with CleanSession=1
        assertThat(client.take()).containsExactly(new Connack(false, 0));
        assertThat(client.channel().isClosed()).isFalse();
        assertThat(broker.core.stats().connectedClients()).isEqualTo(1);
    }

    @Test
    void firstPacket_notConnect_closesAndCounts() {
        TestClient client = broker.client("peer");
        client.send(Pingreq.INSTANCE);

        // [MQTT-3.1.0-1] the first packet must be CONNECT; [MQTT-4.8.0-1] otherwise close
        assertThat(client.channel().sent()).isEmpty();
        assertThat(client.channel().isClosed()).isTrue();
        assertThat(broker.core.stats().protocolViolations()).isEqualTo(1);

        client.send(TestBroker.connect("c1", SessionMode.CLEAN, 0, null));
        assertThat(client.channel().sent()).isEmpty();
    }

    @Test
    void secondConnect_onSameConnection_closesAsViolation() {
        TestClient client = broker.connected("c1", SessionMode.CLEAN);

        client.send(TestBroker.connect("c1", SessionMode.CLEAN, 0, null));

        // [MQTT-3.1.0-2] a second CONNECT is a protocol violation
        assertThat(client.take()).isEmpty();
        assertThat(client.channel().isClosed()).isTrue();
        assertThat(broker.core.stats().protocolViolations()).isEqualTo(1);
        assertThat(broker.core.stats().connectedClients()).isZero();
    }

    @Test
    void connect_unsupportedProtocolLevel_connack01ThenClose() {
        TestClient client = broker.client("peer");
        client.malformed(new UnsupportedProtocolVersionException(7));

        // [MQTT-3.1.2-2] CONNACK 0x01 then disconnect; [MQTT-3.2.2-4] Session Present 0
        assertThat(client.take()).containsExactly(new Connack(false, 0x01));
        assertThat(client.channel().isClosed()).isTrue();
        assertThat(broker.core.stats().refusedConnections()).isEqualTo(1);
    }

    @Test
    void connect_protocolLevel5_acceptedWithReasonCodeSuccess() {
        TestClient client = broker.client("peer");
        client.send(new Connect(ProtocolVersion.MQTT_5, "c1", true, 0, null, null, null));

        // [MQTT-3.2.2-8] an MQTT 5 CONNACK: reason code 0x00 Success
        assertThat(client.take()).singleElement().isInstanceOfSatisfying(Connack.class, connack -> {
            assertThat(connack.returnCode()).isZero();
            assertThat(connack.sessionPresent()).isFalse();
        });
        assertThat(client.channel().isClosed()).isFalse();
    }

    @Test
    void connect_malformed_closesWithoutConnack() {
        TestClient client = broker.client("peer");
        client.malformed(new MalformedPacketException(ReasonCode.MALFORMED_PACKET, "reserved flag set"));

        // [MQTT-3.1.4-1] a non-conforming CONNECT is closed without CONNACK
        assertThat(client.take()).isEmpty();
        assertThat(client.channel().isClosed()).isTrue();
        assertThat(broker.core.stats().protocolViolations()).isEqualTo(1);
    }

    @Test
    void connect_mqtt31Level_isAccepted() {
        TestClient client = broker.client("peer");
        client.send(new Connect(ProtocolVersion.MQTT_3_1, "c1", true, 0, null, null, null));

        assertThat(client.take()).containsExactly(new Connack(false, 0));
    }

    @Test
    void connect_emptyClientIdCleanSession_getsUniqueGeneratedId() throws Exception {
        TestClient first = broker.client("p1");
        TestClient second = broker.client("p2");
        first.send(TestBroker.connect("", SessionMode.CLEAN, 0, null));
        second.send(TestBroker.connect("", SessionMode.CLEAN, 0, null));

        // [MQTT-3.1.3-6] assigned a unique id and handled like any CONNECT
        assertThat(first.take()).containsExactly(new Connack(false, 0));
        assertThat(second.take()).containsExactly(new Connack(false, 0));
        assertThat(first.channel().isClosed()).isFalse();
        assertThat(second.channel().isClosed()).isFalse();
        assertThat(broker.core.stats().connectedClients()).isEqualTo(2);
    }

    @Test
    void connect_emptyClientIdPersistentSession_identifierRejected() {
        TestClient client = broker.client("peer");
        client.send(TestBroker.connect("", SessionMode.PERSISTENT, 0, null));

        // [MQTT-3.1.3-8] CONNACK 0x02 and close; [MQTT-3.2.2-4] Session Present 0
        assertThat(client.take()).containsExactly(new Connack(false, 0x02));
        assertThat(client.channel().isClosed()).isTrue();
    }

    @Test
    void connect_badCredentials_connack04NoSessionNoWill() {
        TestBroker refusing = new TestBroker(new CoreConfig(2, 4, 8),
                request -> CompletableFuture.completedFuture(AuthenticationResult.BAD_USERNAME_OR_PASSWORD),
                Authorizer.ALLOW_ALL, CoreStores.inMemory());
        TestClient client = refusing.client("peer");
        client.send(TestBroker.connect("c1", SessionMode.PERSISTENT, 0, null));

        // [MQTT-3.2.2-4] [MQTT-3.2.2-5]
        assertThat(client.take()).containsExactly(new Connack(false, 0x04));
        assertThat(client.channel().isClosed()).isTrue();
        assertThat(refusing.sessionInfo("c1")).isEmpty();
        assertThat(refusing.core.stats().connectedClients()).isZero();
    }

    @Test
    void connect_notAuthorized_connack05() {
        TestBroker refusing = new TestBroker(new CoreConfig(2, 4, 8),
                request -> CompletableFuture.completedFuture(AuthenticationResult.NOT_AUTHORIZED),
                Authorizer.ALLOW_ALL, CoreStores.inMemory());
        TestClient client = refusing.client("peer");
        client.send(TestBroker.connect("c1", SessionMode.CLEAN, 0, null));

        assertThat(client.take()).containsExactly(new Connack(false, 0x05));
        assertThat(client.channel().isClosed()).isTrue();
    }

    @Test
    void connect_authenticatorFails_connack03() {
        TestBroker failing = new TestBroker(new CoreConfig(2, 4, 8),
                request -> CompletableFuture.failedFuture(new IllegalStateException("directory down")),
                Authorizer.ALLOW_ALL, CoreStores.inMemory());
        TestClient client = failing.client("peer");
        client.send(TestBroker.connect("c1", SessionMode.CLEAN, 0, null));

        assertThat(client.take()).containsExactly(new Connack(false, 0x03));
        assertThat(client.channel().isClosed()).isTrue();
    }

    @Test
    void connect_asyncAuthenticator_laterPacketsProcessedAfterConnackInOrder() {
        CompletableFuture<AuthenticationResult> decision = new CompletableFuture<>();
        TestBroker slow = new TestBroker(new CoreConfig(2, 4, 8), request -> decision, Authorizer.ALLOW_ALL,
                CoreStores.inMemory());
        TestClient client = slow.client("peer");
        client.send(TestBroker.connect("c1", SessionMode.CLEAN, 0, null));
        client.send(new Subscribe(5, List.of(new TopicSubscription("a", Qos.AT_LEAST_ONCE))));
        client.send(Pingreq.INSTANCE);
        assertThat(client.channel().sent()).isEmpty();

        decision.complete(AuthenticationResult.ALLOWED); // completes on this (foreign) thread
        slow.drain();

        assertThat(client.take()).containsExactly(new Connack(false, 0), new Suback(5, List.of(1)),
                Pingresp.INSTANCE);
    }

    @Test
    void connect_channelClosedDuringAuthentication_noSessionCreated() {
        CompletableFuture<AuthenticationResult> decision = new CompletableFuture<>();
        TestBroker slow = new TestBroker(new CoreConfig(2, 4, 8), request -> decision, Authorizer.ALLOW_ALL,
                CoreStores.inMemory());
        TestClient client = slow.client("peer");
        client.send(TestBroker.connect("c1", SessionMode.PERSISTENT, 0, null));
        client.networkClosed();

        decision.complete(AuthenticationResult.ALLOWED);
        slow.drain();

        assertThat(client.channel().sent()).isEmpty();
        assertThat(slow.core.stats().connectedClients()).isZero();
        assertThat(slow.sessionInfo("c1")).isEmpty();
    }

    @Test
    void connect_keepAlive_armedAtOneAndAHalfTimes() {
        TestClient client = broker.client("peer");
        client.send(TestBroker.connect("c1", SessionMode.CLEAN, 10, null));

        // [MQTT-3.1.2-24]
        assertThat(client.channel().keepAlive()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void connect_keepAliveZero_notArmed() {
        TestClient client = broker.client("peer");
        client.send(TestBroker.connect("c1", SessionMode.CLEAN, 0, null));

        assertThat(client.channel().keepAlive()).isEqualTo(Duration.ZERO);
    }

    @Test
    void keepAliveTimeout_connectedClient_closedAsNetworkFailure() {
        TestClient client = broker.connected("c1", SessionMode.CLEAN);

        client.keepAliveTimeout();

        // [MQTT-3.1.2-24] dropped; not a protocol violation
        assertThat(client.channel().isClosed()).isTrue();
        assertThat(broker.core.stats().protocolViolations()).isZero();
        assertThat(broker.core.stats().connectedClients()).isZero();
    }

    @Test
    void pingreq_connected_pingresp() {
        TestClient client = broker.connected("c1", SessionMode.CLEAN);

        client.send(Pingreq.INSTANCE);

        // [MQTT-3.12.4-1]
        assertThat(client.take()).containsExactly(Pingresp.INSTANCE);
    }

    @Test
    void serverOnlyPackets_sentByClient_closeAsViolation() {
        List<io.ternmq.protocol.MqttPacket> serverOnly = List.of(new Connack(false, 0), new Suback(1, List.of(0)),
                new io.ternmq.protocol.Unsuback(1), Pingresp.INSTANCE);
        for (var packet : serverOnly) {
            TestClient client = broker.connected("c-" + packet.type(), SessionMode.CLEAN);
            client.send(packet);

            // [MQTT-4.8.0-1] a protocol violation closes the connection
            assertThat(client.channel().isClosed()).as(packet.type().name()).isTrue();
        }
        assertThat(broker.core.stats().protocolViolations()).isEqualTo(serverOnly.size());
    }

    @Test
    void violation_repeatedAfterClose_countedOnce() {
        TestClient client = broker.connected("c1", SessionMode.CLEAN);

        client.send(Pingresp.INSTANCE);
        client.malformed(new MalformedPacketException(ReasonCode.MALFORMED_PACKET, "bad"));
        client.send(Pingresp.INSTANCE);
        client.networkClosed();

        assertThat(broker.core.stats().protocolViolations()).isEqualTo(1);
        assertThat(client.take()).isEmpty();
    }

    @Test
    void refusedConnect_packetsSentMeanwhile_notProcessed() {
        CompletableFuture<AuthenticationResult> decision = new CompletableFuture<>();
        TestBroker slow = new TestBroker(new CoreConfig(2, 4, 8),
                request -> request.clientId().equals("c1") ? decision
                        : CompletableFuture.completedFuture(AuthenticationResult.ALLOWED), Authorizer.ALLOW_ALL,
                CoreStores.inMemory());
        TestClient observer = slow.connected("observer", SessionMode.CLEAN);
        observer.subscribe(1, "#", Qos.AT_MOST_ONCE);
        TestClient client = slow.client("peer");
        client.send(TestBroker.connect("c1", SessionMode.CLEAN, 0, null));
        client.send(TestClient.publish("t", Qos.AT_MOST_ONCE, 0, "sneaky"));

        decision.complete(AuthenticationResult.NOT_AUTHORIZED);
        slow.drain();

        // [MQTT-3.1.4-5] nothing sent after a refused CONNECT is processed
        assertThat(client.take()).containsExactly(new Connack(false, 0x05));
        assertThat(observer.channel().publishes()).isEmpty();
    }

    @Test
    void connect_floodWhileAuthenticating_closedNotBuffered() {
        CompletableFuture<AuthenticationResult> decision = new CompletableFuture<>();
        TestBroker slow = new TestBroker(new CoreConfig(1, 4, 8), request -> decision, Authorizer.ALLOW_ALL,
                CoreStores.inMemory());
        TestClient client = slow.client("peer");
        client.send(TestBroker.connect("c1", SessionMode.CLEAN, 0, null));

        for (int i = 0; i <= InboundBackPressure.PAUSE_AT; i++) {
            client.send(Pingreq.INSTANCE);
        }
        decision.complete(AuthenticationResult.ALLOWED);
        slow.drain();

        assertThat(client.channel().isClosed()).isTrue();
        assertThat(client.channel().sent()).isEmpty();
        assertThat(slow.core.stats().protocolViolations()).isEqualTo(1);
    }
}
