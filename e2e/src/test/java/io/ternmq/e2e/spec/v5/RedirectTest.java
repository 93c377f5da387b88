package io.ternmq.e2e.spec.v5;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import io.ternmq.core.ServerRedirect;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Mqtt5Clients;
import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Mqtt5Packets;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Server redirection (section 4.11): a broker configured with a Server Reference refuses every new client with
 * CONNACK 0x9C (Use another server) or 0x9D (Server moved) carrying the reference, then closes.
 */
class RedirectTest {

    @RegisterExtension
    static final BrokerExtension temporary = BrokerExtension.with(b -> b.serverRedirect(
            new ServerRedirect("other:1883", ServerRedirect.Kind.USE_ANOTHER_SERVER)));

    @RegisterExtension
    static final BrokerExtension moved = BrokerExtension.with(b -> b.serverRedirect(
            new ServerRedirect("new.example", ServerRedirect.Kind.SERVER_MOVED)));

    @Test
    void useAnotherServer_connack0x9CWithServerReferenceThenClosed() {
        // [MQTT-3.2.2-7] closed after a code of 0x80 or more; [MQTT-3.2.2-6] Session Present 0; [MQTT-3.2.2-8]
        RawMqttClient client = temporary.raw().send(Mqtt5Packets.connect("rd-temp").build());
        client.expectPacket("20 10 00 9c"              // CONNACK, remaining length 16, Use another server
                + " 0d"                                 // property length 13
                + " 1c 00 0a 6f 74 68 65 72 3a 31 38 38 33"); // server reference "other:1883"
        client.expectClosed();
    }

    @Test
    void serverMoved_connack0x9DWithServerReferenceThenClosed() {
        // [MQTT-3.2.2-7] [MQTT-3.2.2-8]
        RawMqttClient client = moved.raw().send(Mqtt5Packets.connect("rd-moved").build());
        client.expectPacket("20 11 00 9d 0e 1c 00 0b 6e 65 77 2e 65 78 61 6d 70 6c 65"); // "new.example"
        client.expectClosed();
    }

    @Test
    void v311Client_serverUnavailable() {
        // 3.1.1 has no redirection: CONNACK 0x03 Server unavailable, then the close
        RawMqttClient client = temporary.raw().send(Packets.connect("rd-311", CleanSession.YES, 60));
        client.expectPacket("20 02 00 03");
        client.expectClosed();
    }

    @Test
    void hivemq_redirect_reasonAndReferenceReported() {
        Mqtt5BlockingClient client = Mqtt5Clients.hivemq(moved, "rd-h");
        assertThatThrownBy(client::connect).isInstanceOfSatisfying(Mqtt5ConnAckException.class, e -> {
            assertThat(e.getMqttMessage().getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.SERVER_MOVED);
            assertThat(e.getMqttMessage().getServerReference()).hasValueSatisfying(reference ->
                    assertThat(reference.toString()).isEqualTo("new.example"));
        });
    }
}
