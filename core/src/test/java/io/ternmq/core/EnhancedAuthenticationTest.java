package io.ternmq.core;

import io.ternmq.core.auth.AuthenticationMechanisms;
import io.ternmq.core.auth.AuthenticationRequest;
import io.ternmq.core.auth.AuthenticationResult;
import io.ternmq.core.auth.AuthenticationStep;
import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.core.auth.ClientIdentity;
import io.ternmq.protocol.Auth;
import io.ternmq.protocol.AuthProperties;
import io.ternmq.protocol.Connack;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.ConnectProperties;
import io.ternmq.protocol.Disconnect;
import io.ternmq.protocol.DisconnectProperties;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.Pingreq;
import io.ternmq.protocol.Pingresp;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.Suback;
import io.ternmq.protocol.Subscribe;
import io.ternmq.protocol.TopicSubscription;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;

/** MQTT 5 enhanced authentication through the core, with a scripted mechanism named "FAKE". */
class EnhancedAuthenticationTest {

    private final FakeMechanism mechanism = new FakeMechanism("FAKE");
    private final List<AuthenticationRequest> plainRequests = new ArrayList<>();
    private final List<ClientIdentity> subscribers = new ArrayList<>();
    private final TestBroker broker = new TestBroker(new CoreConfig(2, 4, 8), new Authenticator() {
        @Override
        public CompletionStage<AuthenticationResult> authenticate(AuthenticationRequest request) {
            plainRequests.add(request);
            return CompletableFuture.completedFuture(AuthenticationResult.ALLOWED);
        }

        @Override
        public AuthenticationMechanisms mechanisms() {
            return AuthenticationMechanisms.of(mechanism);
        }
    }, new Authorizer() {
        @Override
        public boolean mayPublish(ClientIdentity client, String topic) {
            return true;
        }

        @Override
        public boolean maySubscribe(ClientIdentity client, String topicFilter) {
            subscribers.add(client);
            return true;
        }
    }, CoreStores.inMemory());

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte @Nullable [] data) {
        return data == null ? "-" : new String(data, StandardCharsets.UTF_8);
    }

    private static Connect connect(String clientId, @Nullable String method, @Nullable String data, int keepAlive) {
        var properties = new ConnectProperties(null, null, null, null, null, null, method,
                data == null ? null : bytes(data), List.of());
        return new Connect(ProtocolVersion.MQTT_5, clientId, true, keepAlive, "claimed", null, null, properties);
    }

    private static Auth auth(ReasonCode code, @Nullable String method, @Nullable String data) {
        return new Auth(code, new AuthProperties(method, data == null ? null : bytes(data), null, List.of()));
    }

    private static AuthenticationStep.Continue more(String data) {
        return new AuthenticationStep.Continue(bytes(data));
    }

    private static AuthenticationStep.Success success(@Nullable String data, @Nullable String user) {
        return new AuthenticationStep.Success(data == null ? null : bytes(data), user);
    }

    /** "AUTH 0x18 FAKE data", "CONNACK 0x87 FAKE data", "DISCONNECT 0x82" or the packet type. */
    private static List<String> describe(List<MqttPacket> packets) {
        return packets.stream().map(packet -> switch (packet) {
            case Auth a -> "AUTH " + hex(a.reasonCode().value()) + " " + a.properties().authenticationMethod() + " "
                    + text(a.properties().authenticationData());
            case Connack c -> "CONNACK " + hex(c.returnCode()) + " " + c.properties().authenticationMethod() + " "
                    + text(c.properties().authenticationData());
            case Disconnect d -> "DISCONNECT " + hex(d.reasonCode().value());
            default -> packet.type().toString();
        }).toList();
    }

    private static String hex(int value) {
        return String.format("0x%02X", value);
    }

    /** A client through a two-step exchange, as "alice", its packets so far consumed. */
    private TestClient authenticated(String clientId) {
        mechanism.then(more("challenge")).then(success("final", "alice"));
        TestClient client = broker.client("10.0.0.9:" + clientId.hashCode());
        client.send(connect(clientId, "FAKE", "hello", 30));
        client.send(auth(ReasonCode.CONTINUE_AUTHENTICATION, "FAKE", "response"));
        assertThat(describe(client.take())).containsExactly("AUTH 0x18 FAKE challenge", "CONNACK 0x00 FAKE final");
        return client;
    }

    @Test
    void connect_twoStepExchange_authThenConnackWithMethodAndFinalData() {
        mechanism.then(more("challenge")).then(success("final", "alice"));
        TestClient client = broker.client("10.0.0.1:1");

        client.send(connect("c1", "FAKE", "hello", 30));
        // [MQTT-4.12.0-2] AUTH 0x18; [MQTT-4.12.0-5] with the CONNECT's method; [MQTT-3.2.0-1] before any CONNACK
        assertThat(describe(client.take())).containsExactly("AUTH 0x18 FAKE challenge");
        client.send(auth(ReasonCode.CONTINUE_AUTHENTICATION, "FAKE", "response"));

        // [MQTT-4.12.0-5] the successful CONNACK carries the method too
        assertThat(describe(client.take())).containsExactly("CONNACK 0x00 FAKE final");
        assertThat(mechanism.received).containsExactly("hello", "response");
        assertThat(plainRequests).isEmpty(); // the method's mechanism decided alone
        assertThat(broker.core.stats().connectedClients()).isEqualTo(1);
    }

    @Test
    void connect_mechanismNamesAUser_authorizationSeesIt() {
        TestClient client = authenticated("c1");

        client.send(new Subscribe(1, List.of(new TopicSubscription("a/b", Qos.AT_MOST_ONCE))));

        assertThat(client.take()).hasSize(1).first().isInstanceOf(Suback.class);
        assertThat(subscribers).containsExactly(new ClientIdentity("c1", "alice"));
    }

    @Test
    void connect_exchangeArmsAnIdleLimit_keepAliveReplacesItOnSuccess() {
        mechanism.then(more("challenge")).then(success(null, null));
        TestClient client = broker.client("10.0.0.1:1");

        client.send(connect("c1", "FAKE", null, 30));
        assertThat(client.channel().keepAlive()).isEqualTo(EnhancedAuthentication.EXCHANGE_IDLE_TIMEOUT);
        client.send(auth(ReasonCode.CONTINUE_AUTHENTICATION, "FAKE", "r"));

        assertThat(describe(client.take())).containsExactly("AUTH 0x18 FAKE challenge", "CONNACK 0x00 FAKE -");
        assertThat(client.channel().keepAlive()).isEqualTo(Duration.ofSeconds(45)); // 5.0 [MQTT-3.1.2-22]
    }

    @Test
    void connect_keepAliveZero_idleLimitDisarmedOnSuccess() {
        mechanism.then(success(null, null));
        TestClient client = broker.client("10.0.0.1:1");

        client.send(connect("c1", "FAKE", null, 0));

        assertThat(describe(client.take())).containsExactly("CONNACK 0x00 FAKE -");
        assertThat(client.channel().keepAlive()).isEqualTo(Duration.ZERO);
    }

    @Test
    void connect_exchangeTimesOut_closedWithoutConnack() {
        mechanism.then(more("challenge"));
        TestClient client = broker.client("10.0.0.1:1");
        client.send(connect("c1", "FAKE", null, 0));
        client.take();

        client.keepAliveTimeout();

        assertThat(client.take()).isEmpty();
        assertThat(client.channel().isClosed()).isTrue();
        assertThat(broker.core.stats().connectedClients()).isZero();
    }

    @Test
    void connect_unknownMethod_connack8C() {
        TestClient client = broker.client("10.0.0.1:1");

        client.send(connect("c1", "KERBEROS", "x", 30));

        // [MQTT-4.12.0-1] Bad authentication method, then the close
        assertThat(describe(client.take())).containsExactly("CONNACK 0x8C null -");
        assertThat(client.channel().isClosed()).isTrue();
        assertThat(mechanism.requests).isEmpty();
        assertThat(broker.core.stats().refusedConnections()).isEqualTo(1);
    }

    @Test
    void connect_dataWithoutMethod_connack82() {
        TestClient client = broker.client("10.0.0.1:1");

        client.send(connect("c1", null, "x", 30));

        // 3.1.2.11.10: Authentication Data without Authentication Method is a Protocol Error
        assertThat(describe(client.take())).containsExactly("CONNACK 0x82 null -");
        assertThat(client.channel().isClosed()).isTrue();
        assertThat(broker.core.stats().protocolViolations()).isEqualTo(1);
    }

    @Test
    void connect_mechanismRefuses_connackWithItsCode() {
        mechanism.then(new AuthenticationStep.Failure(AuthenticationResult.BAD_USERNAME_OR_PASSWORD, "wrong"));
        TestClient bad = broker.client("10.0.0.1:1");
        bad.send(connect("c1", "FAKE", "x", 30));
        mechanism.then(more("c")).then(new AuthenticationStep.Failure(AuthenticationResult.NOT_AUTHORIZED, "no"));
        TestClient denied = broker.client("10.0.0.1:2");
        denied.send(connect("c2", "FAKE", "x", 30));
        denied.send(auth(ReasonCode.CONTINUE_AUTHENTICATION, "FAKE", "r"));

        // [MQTT-4.12.0-4] a CONNACK 0x80 or above at any step, then the close
        assertThat(describe(bad.take())).containsExactly("CONNACK 0x86 null -");
        assertThat(describe(denied.take())).containsExactly("AUTH 0x18 FAKE c", "CONNACK 0x87 null -");
        assertThat(bad.channel().isClosed()).isTrue();
        assertThat(denied.channel().isClosed()).isTrue();
        assertThat(broker.core.stats().connectedClients()).isZero();
    }

    @Test
    void connect_mechanismBreaks_connack88() {
        mechanism.later().completeExceptionally(new IllegalStateException("directory down"));
        TestClient client = broker.client("10.0.0.1:1");

        client.send(connect("c1", "FAKE", "x", 30));

        assertThat(describe(client.take())).containsExactly("CONNACK 0x88 null -");
        assertThat(client.channel().isClosed()).isTrue();
    }

    @Test
    void connect_answerArrivesLater_connackThen() {
        CompletableFuture<AuthenticationStep> answer = mechanism.later();
        TestClient client = broker.client("10.0.0.1:1");
        client.send(connect("c1", "FAKE", "x", 30));
        assertThat(client.take()).isEmpty();

        answer.complete(success(null, "bob"));
        broker.drain();

        assertThat(describe(client.take())).containsExactly("CONNACK 0x00 FAKE -");
    }

    @Test
    void packetOtherThanAuthOrDisconnect_duringTheExchange_connack82() {
        mechanism.then(more("challenge"));
        TestClient client = broker.client("10.0.0.1:1");
        client.send(connect("c1", "FAKE", "x", 30));

        client.send(Pingreq.INSTANCE);

        // [MQTT-3.1.2-30] only AUTH or DISCONNECT before the CONNACK; a DISCONNECT may not precede it
        assertThat(describe(client.take())).containsExactly("AUTH 0x18 FAKE challenge", "CONNACK 0x82 null -");
        assertThat(client.channel().isClosed()).isTrue();
        assertThat(broker.core.stats().protocolViolations()).isEqualTo(1);
    }

    @Test
    void authWithAnotherMethod_duringTheExchange_connack82() {
        mechanism.then(more("challenge"));
        TestClient client = broker.client("10.0.0.1:1");
        client.send(connect("c1", "FAKE", "x", 30));

        client.send(auth(ReasonCode.CONTINUE_AUTHENTICATION, "OTHER", "r"));

        // [MQTT-4.12.0-5] the client's AUTH carries the CONNECT's method
        assertThat(describe(client.take())).containsExactly("AUTH 0x18 FAKE challenge", "CONNACK 0x82 null -");
    }

    @Test
    void disconnect_duringTheExchange_closedQuietly() {
        mechanism.then(more("challenge"));
        TestClient client = broker.client("10.0.0.1:1");
        client.send(connect("c1", "FAKE", "x", 30));
        client.take();

        client.send(new Disconnect(ReasonCode.SUCCESS, DisconnectProperties.EMPTY));

        assertThat(client.take()).isEmpty();
        assertThat(client.channel().isClosed()).isTrue();
        assertThat(broker.core.stats().connectedClients()).isZero();
    }

    @Test
    void auth_onAConnectionWithoutEnhancedAuthentication_disconnect82() {
        TestClient client = broker.client("10.0.0.1:1");
        client.send(connect("c1", null, null, 30));
        assertThat(describe(client.take())).containsExactly("CONNACK 0x00 null -"); // [MQTT-4.12.0-6] no method

        client.send(auth(ReasonCode.RE_AUTHENTICATE, "FAKE", "x"));

        // [MQTT-4.12.0-7] AUTH without a method in CONNECT is a Protocol Error
        assertThat(describe(client.take())).containsExactly("DISCONNECT 0x82");
        assertThat(client.channel().isClosed()).isTrue();
        assertThat(plainRequests).hasSize(1);
    }

    @Test
    void reauthenticate_success_auth00AndOtherPacketsFlowMeanwhile() {
        TestClient client = authenticated("c1");
        CompletableFuture<AuthenticationStep> challenge = mechanism.later();

        client.send(auth(ReasonCode.RE_AUTHENTICATE, "FAKE", "again"));
        client.send(Pingreq.INSTANCE); // 4.12.1: other packets keep flowing during a re-authentication
        assertThat(client.take()).containsExactly(Pingresp.INSTANCE);
        challenge.complete(more("challenge 2"));
        broker.drain();
        mechanism.then(success("ok", "alice"));
        client.send(auth(ReasonCode.CONTINUE_AUTHENTICATION, "FAKE", "response 2"));

        assertThat(describe(client.take())).containsExactly("AUTH 0x18 FAKE challenge 2", "AUTH 0x00 FAKE ok");
        assertThat(client.channel().isClosed()).isFalse();
        assertThat(mechanism.requests.getLast().currentUser()).isEqualTo("alice");
    }

    @Test
    void reauthenticate_refused_disconnect87AndClosed() {
        TestClient client = authenticated("c1");
        mechanism.then(new AuthenticationStep.Failure(AuthenticationResult.BAD_USERNAME_OR_PASSWORD, "wrong"));

        client.send(auth(ReasonCode.RE_AUTHENTICATE, "FAKE", "again"));

        // [MQTT-4.12.1-2] DISCONNECT, then the close; 0x87 as DISCONNECT has no 0x86
        assertThat(describe(client.take())).containsExactly("DISCONNECT 0x87");
        assertThat(client.channel().isClosed()).isTrue();
        assertThat(broker.core.stats().disconnects(DisconnectReason.REAUTHENTICATION_FAILED)).isEqualTo(1);
    }

    @Test
    void reauthenticate_asAnotherUser_disconnect87() {
        TestClient client = authenticated("c1");
        mechanism.then(success(null, "mallory"));

        client.send(auth(ReasonCode.RE_AUTHENTICATE, "FAKE", "again"));

        assertThat(describe(client.take())).containsExactly("DISCONNECT 0x87");
    }

    @Test
    void reauthenticate_withAnotherMethod_disconnect82() {
        TestClient client = authenticated("c1");

        client.send(auth(ReasonCode.RE_AUTHENTICATE, "OTHER", "again"));

        // [MQTT-4.12.1-1] the same method as the connection's authentication
        assertThat(describe(client.take())).containsExactly("DISCONNECT 0x82");
        assertThat(client.channel().isClosed()).isTrue();
    }

    @Test
    void mqtt311Connect_plainAuthenticatorAsBefore() {
        TestClient client = broker.client("10.0.0.1:1");

        client.send(TestBroker.connect("c1", TestBroker.SessionMode.CLEAN, 0, null));

        assertThat(client.take()).containsExactly(new Connack(false, 0));
        assertThat(plainRequests).hasSize(1);
    }
}
