package io.ternmq.e2e.spec.v5;

import io.ternmq.testkit.Hex;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.ReceivedMqtt5Packet;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks on the DISCONNECT a broker sends before it closes a 5.0 connection. */
final class ReceivedDisconnect {

    private ReceivedDisconnect() {
    }

    /**
     * Where the specification leaves the choice between Malformed Packet (0x81) and Protocol Error (0x82) or a more
     * specific code: a DISCONNECT with a reason code of 0x80 or more, then the close [MQTT-4.13.2-1].
     */
    static ReceivedMqtt5Packet expectAtLeast0x80ThenClosed(RawMqttClient client) {
        ReceivedMqtt5Packet disconnect = client.readMqtt5Packet().expectType(ReceivedMqtt5Packet.DISCONNECT);
        assertThat(disconnect.reasonCode()).as(Hex.format(disconnect.bytes())).isGreaterThanOrEqualTo(0x80);
        client.expectClosed();
        return disconnect;
    }
}
