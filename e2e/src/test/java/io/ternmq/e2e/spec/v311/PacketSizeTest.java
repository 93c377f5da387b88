package io.ternmq.e2e.spec.v311;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Flows;
import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.Retain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The configured maximum packet size: a larger packet is refused from its header alone. */
class PacketSizeTest {

    private static final int MAX_PACKET_SIZE = 1024;

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.with(b -> b.maxPacketSize(MAX_PACKET_SIZE));

    @Test
    void remainingLength_beyondMaximum_closedBeforeAnyBodyArrives() {
        // [MQTT-4.8.0-1] only the header announcing 16383 bytes is sent: the broker must not wait for the body
        broker.connected("ps-big").send("30 ff 7f").expectClosed();
    }

    @Test
    void packet_justUnderMaximum_isAccepted() {
        // the whole packet (fixed header included) fits the limit exactly
        byte[] packet = Packets.publish("ps/fit", 1, Retain.NO, Dup.NO, 1, new byte[MAX_PACKET_SIZE - 3 - 10]);
        assertThat(packet).hasSize(MAX_PACKET_SIZE);
        RawMqttClient subscriber = broker.subscriber("ps-fit-sub", "ps/fit", 0);
        broker.connected("ps-fit").send(packet).expectPacket(Packets.puback(1));
        assertThat(subscriber.readPublish().payload()).hasSize(MAX_PACKET_SIZE - 3 - 10);
        Flows.expectNoMorePublishes(subscriber);
    }

    @Test
    void connect_beyondMaximum_closedWithoutConnack() {
        broker.raw().send("10 ff 7f 00 04 4d 51 54 54 04 02 00 3c").expectClosed();
    }
}
