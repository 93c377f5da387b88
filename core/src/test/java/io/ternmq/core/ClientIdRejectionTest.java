package io.ternmq.core;

import io.ternmq.core.TestBroker.SessionMode;
import io.ternmq.core.auth.AuthenticationResult;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.protocol.Connack;
import io.ternmq.protocol.ConnackProperties;
import io.ternmq.protocol.ReasonCode;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** An authenticator that rejects a client identifier: CONNACK 0x85 (5.0) or 0x02 (3.1.1), then the close. */
class ClientIdRejectionTest {

    private final TestBroker broker = new TestBroker(new CoreConfig(2, 4, 8),
            request -> CompletableFuture.completedFuture(request.clientId().startsWith("bad-")
                    ? AuthenticationResult.CLIENT_IDENTIFIER_REJECTED : AuthenticationResult.ALLOWED),
            Authorizer.ALLOW_ALL, CoreStores.inMemory());

    @Test
    void mqtt5_rejectedClientId_connack85ThenClosedNoSession() {
        TestClient client = broker.client("peer");
        client.send(Mqtt5Clients.connect("bad-1", 60, null));

        // [MQTT-3.1.3-8] Client Identifier not valid, then the close; [MQTT-3.2.2-6] Session Present 0
        assertThat(client.take()).containsExactly(
                new Connack(false, ReasonCode.CLIENT_IDENTIFIER_NOT_VALID, ConnackProperties.EMPTY));
        assertThat(client.channel().isClosed()).isTrue();
        assertThat(broker.sessionInfo("bad-1")).isEmpty();
        assertThat(broker.core.stats().connectedClients()).isZero();
    }

    @Test
    void mqtt311_rejectedClientId_connack02ThenClosed() {
        TestClient client = broker.client("peer");
        client.send(TestBroker.connect("bad-2", SessionMode.PERSISTENT, 0, null));

        // [MQTT-3.2.2-4] Session Present 0 with return code 0x02 Identifier rejected
        assertThat(client.take()).containsExactly(new Connack(false, 0x02));
        assertThat(client.channel().isClosed()).isTrue();
        assertThat(broker.sessionInfo("bad-2")).isEmpty();
    }

    @Test
    void otherClientId_accepted() {
        TestClient client = broker.client("peer");
        client.send(Mqtt5Clients.connect("good-1", 0, null));

        assertThat(client.take()).hasSize(1).allSatisfy(packet -> assertThat(packet)
                .isInstanceOfSatisfying(Connack.class, c -> assertThat(c.returnCode()).isZero()));
        assertThat(client.channel().isClosed()).isFalse();
    }
}
