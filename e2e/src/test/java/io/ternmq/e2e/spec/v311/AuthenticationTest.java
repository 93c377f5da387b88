package io.ternmq.e2e.spec.v311;

import io.ternmq.core.auth.AuthenticationRequest;
import io.ternmq.core.auth.AuthenticationResult;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Flows;
import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.Retain;
import io.ternmq.testkit.SessionPresent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import static io.ternmq.e2e.BrokerExtension.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

/** User name and password reach the authenticator, whose refusals become CONNACK return codes 4 and 5. */
class AuthenticationTest {

    private static final Map<String, AuthenticationRequest> SEEN = new ConcurrentHashMap<>();

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.with(b -> b.authenticator(request -> {
        SEEN.put(request.clientId(), request);
        AuthenticationResult result = switch (String.valueOf(request.username())) {
            case "bad-password" -> AuthenticationResult.BAD_USERNAME_OR_PASSWORD;
            case "not-authorized" -> AuthenticationResult.NOT_AUTHORIZED;
            default -> AuthenticationResult.ALLOWED;
        };
        return CompletableFuture.completedFuture(result);
    }));

    @Test
    void authenticator_badUserNameOrPassword_connack04ThenClosed() {
        // [MQTT-3.2.2-4] [MQTT-3.2.2-5]
        RawMqttClient client = broker.raw().send(Packets.connectBuilder("a-04").username("bad-password")
                .password(new byte[] {1}).build());
        client.expectBytes("20 02 00 04");
        client.expectClosed();
    }

    @Test
    void authenticator_notAuthorized_connack05ThenClosed() {
        // [MQTT-3.2.2-4] [MQTT-3.2.2-5]
        RawMqttClient client = broker.raw().send(Packets.connectBuilder("a-05").username("not-authorized").build());
        client.expectBytes("20 02 00 05");
        client.expectClosed();
    }

    @Test
    void refusedConnect_existingPersistentSession_sessionPresent0() {
        // [MQTT-3.2.2-4]
        RawMqttClient first = broker.connectedPersistent("a-sp", SessionPresent.NO);
        subscribe(first, "a/sp", 1);
        first.send(Packets.disconnect()).expectClosed();
        RawMqttClient refused = broker.raw().send(Packets.connectBuilder("a-sp").cleanSession(CleanSession.NO)
                .username("not-authorized").build());
        refused.expectBytes("20 02 00 05");
        refused.expectClosed();
    }

    @Test
    void connect_withoutUserNameOrPassword_authenticatorSeesNeither() {
        // [MQTT-3.1.2-18] [MQTT-3.1.2-20]
        broker.connected("a-anon");
        AuthenticationRequest request = SEEN.get("a-anon");
        assertThat(request.username()).isNull();
        assertThat(request.password()).isNull();
    }

    @Test
    void connect_userNameAndPassword_passedToAuthenticator() {
        // [MQTT-3.1.2-19] [MQTT-3.1.2-21] [MQTT-3.1.3-11]
        broker.raw().send(Packets.connectBuilder("a-user").username("üser").password(new byte[] {0, 1, (byte) 0xFF})
                .build()).expectBytes("20 02 00 00");
        AuthenticationRequest request = SEEN.get("a-user");
        assertThat(request.username()).isEqualTo("üser");
        assertThat(request.password()).containsExactly(0, 1, 0xFF);
    }

    @Test
    void connect_everyPayloadField_readInSpecOrder() {
        // [MQTT-3.1.3-1] [MQTT-3.1.3-3] client id, will topic, will message, user name, password
        RawMqttClient watcher = broker.subscriber("a-order-watch", "a/order/will", 0);
        RawMqttClient client = broker.raw().send(Packets.connectBuilder("a-order")
                .will("a/order/will", "will message".getBytes(StandardCharsets.UTF_8), 0, Retain.NO)
                .username("order-user").password("order-password".getBytes(StandardCharsets.UTF_8)).build());
        client.expectBytes("20 02 00 00");
        AuthenticationRequest request = SEEN.get("a-order");
        assertThat(request.clientId()).isEqualTo("a-order");
        assertThat(request.username()).isEqualTo("order-user");
        assertThat(request.password()).isEqualTo("order-password".getBytes(StandardCharsets.UTF_8));
        client.close();
        Flows.expectPublish(watcher, "a/order/will", "will message", 0);
    }

    @Test
    void connect_generatedClientId_isHandedToAuthenticatorAsNonEmpty() {
        // [MQTT-3.1.3-6] the broker handles the CONNECT as if the client had sent the generated id
        int before = SEEN.size();
        broker.raw().send(Packets.connectBuilder("").username("generated").build()).expectBytes("20 02 00 00");
        assertThat(SEEN).hasSize(before + 1);
        assertThat(SEEN.keySet()).doesNotContain("");
    }
}
