package io.ternmq.e2e.spec.v311;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Flows;
import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Hex;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** TCP is a byte stream: packets split across writes or packed into one write are read the same. */
class FramingTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.withDefaults();

    @Test
    void connect_sentOneByteAtATime_isAccepted() {
        RawMqttClient client = broker.raw();
        for (byte b : Packets.connect("f-bytes", CleanSession.YES, 60)) {
            client.send(new byte[] {b});
        }
        client.expectBytes("20 02 00 00");
    }

    @Test
    void severalPackets_inOneWrite_allProcessedInOrder() {
        RawMqttClient subscriber = broker.subscriber("f-many-sub", "f/many", 0);
        RawMqttClient publisher = broker.raw();
        publisher.send(Hex.concat(Packets.connect("f-many", CleanSession.YES, 60),
                Packets.publish("f/many", "one"), Packets.publish("f/many", "two"), Packets.pingreq()));
        publisher.expectBytes("20 02 00 00 d0 00");
        Flows.expectPublish(subscriber, "f/many", "one", 0);
        Flows.expectPublish(subscriber, "f/many", "two", 0);
    }
}
