package io.ternmq.e2e.spec.v311;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Flows;
import io.ternmq.e2e.PrefixDenyingAuthorizer;
import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Hex;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.Retain;
import io.ternmq.testkit.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** An authorizer refusing topics: SUBACK 0x80 per refused filter, and refused PUBLISHes not delivered. */
class AuthorizationTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.with(b -> b.authorizer(new PrefixDenyingAuthorizer("deny/")));

    @Test
    void subscribe_refusedFilter_getsFailureCodeOthersGranted() {
        // [MQTT-3.9.3-2] [MQTT-3.8.4-5] [MQTT-3.9.3-1]
        broker.connected("z-sub").send(Packets.subscribe(4, new Subscription("allow/a", 1),
                new Subscription("deny/b", 1), new Subscription("allow/c", 2))).expectBytes("90 05 00 04 01 80 02");
    }

    @Test
    void publish_refusedTopic_acknowledgedOrClosedButNotDelivered() {
        // [MQTT-3.3.5-2]
        RawMqttClient subscriber = broker.subscriber("z-watch", "+/z", 0);
        RawMqttClient publisher = broker.connected("z-pub");
        publisher.send(Packets.publish("deny/z", 1, Retain.NO, Dup.NO, 3, "refused"));
        byte[] reply = tryReadPacket(publisher);
        if (reply.length > 0) {
            assertThat(Hex.format(reply)).isEqualTo("40 02 00 03");
            Flows.expectMarkerNext(subscriber, publisher, "allow/z");
        } else {
            Flows.expectMarkerNext(subscriber, broker.connected("z-pub2"), "allow/z");
        }
    }

    /** The PUBACK, or no bytes when the broker chose to close the connection instead. */
    private static byte[] tryReadPacket(RawMqttClient client) {
        try {
            return client.readPacket();
        } catch (AssertionError closed) {
            client.expectClosed();
            return new byte[0];
        }
    }
}
