package io.ternmq.e2e.spec.v5;

import io.ternmq.core.auth.AuthenticationResult;
import io.ternmq.core.auth.Authenticator;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Mqtt5Clients;
import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Mqtt5Packets;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A client identifier the operator's authenticator rejects (here: every id starting with "banned-"): CONNACK 0x85
 * Client Identifier not valid for 5.0, return code 0x02 Identifier rejected for 3.1.1, then the close.
 */
class ClientIdRejectionTest {

    private static final Authenticator REJECT_BANNED_IDS = request -> CompletableFuture.completedFuture(
            request.clientId().startsWith("banned-") ? AuthenticationResult.CLIENT_IDENTIFIER_REJECTED
                    : AuthenticationResult.ALLOWED);

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.with(b -> b.authenticator(REJECT_BANNED_IDS));

    @Test
    void mqtt5_rejectedClientId_connack85ThenClosed() {
        // [MQTT-3.1.3-8] CONNACK 0x85 Client Identifier not valid, then the close; [MQTT-3.2.2-6] Session Present 0
        RawMqttClient client = broker.raw().send(Mqtt5Packets.connect("banned-raw").build());

        client.expectPacket("20 03 00 85 00");
        client.expectClosed();
    }

    @Test
    void mqtt311_rejectedClientId_connack02ThenClosed() {
        // the 3.1.1 twin: return code 0x02 Identifier rejected, Session Present 0, then the close
        RawMqttClient client = broker.raw().send(Packets.connect("banned-311", CleanSession.YES, 60));

        client.expectPacket("20 02 00 02");
        client.expectClosed();
    }

    @Test
    void mqtt5_otherClientId_accepted() {
        RawMqttClient client = broker.raw().send(Mqtt5Packets.connect("allowed-raw").build());

        assertThat(client.readMqtt5Packet().reasonCode()).isZero();
    }

    @Test
    void paho_rejectedClientId_reasonCode0x85() throws Exception {
        // [MQTT-3.1.3-8] as a client library reports it
        MqttClient client = Mqtt5Clients.paho(broker, "banned-paho");
        assertThatThrownBy(() -> client.connect(new MqttConnectionOptions()))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(0x85));
    }
}
