package io.ternmq.e2e.spec.v5;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import io.ternmq.core.RetainSupport;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Mqtt5Clients;
import io.ternmq.e2e.Mqtt5Flows;
import io.ternmq.protocol.Qos;
import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Mqtt5Packets;
import io.ternmq.testkit.Mqtt5Subscription;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.Retain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;

import static io.ternmq.testkit.Mqtt5Properties.properties;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broker configured below the protocol's capabilities (3.2.2.3.4, 3.2.2.3.5): QoS 1 at most and no retained
 * messages. CONNACK says so, and what goes beyond is refused with 0x9B / 0x9A.
 */
class CapabilityLimitsTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.with(b -> b.maximumQos(Qos.AT_LEAST_ONCE)
            .retainSupport(RetainSupport.UNAVAILABLE));

    private static final byte[] WILL = "w".getBytes(StandardCharsets.UTF_8);

    @Test
    void connack_announcesMaximumQos1AndRetainUnavailable_exactBytes() {
        // [MQTT-3.2.2-9] a server without QoS 2 says Maximum QoS 1; Retain Available 0
        broker.raw().send(Mqtt5Packets.connect("cl-connack").build()).expectPacket(
                "20 13 00 00"                          // CONNACK, remaining length 19, success
                        + " 10"                        // property length 16
                        + " 22 00 0a"                  // topic alias maximum 10
                        + " 24 01"                     // maximum QoS 1
                        + " 25 00"                     // retain available: no
                        + " 27 10 00 00 04"            // maximum packet size
                        + " 29 00 2a 00");             // subscription identifiers, shared subscriptions: not yet
    }

    @Test
    void publishQos2_aboveMaximum_disconnect0x9B() {
        // [MQTT-3.2.2-11] a client publishing above the announced maximum: DISCONNECT 0x9B QoS not supported
        RawMqttClient client = Mqtt5Flows.connected(broker, "cl-q2");
        client.send(Mqtt5Packets.publish("cl/q2", 2, Retain.NO, Dup.NO, 1, properties(), "x"));
        client.expectPacket("e0 01 9b");
        client.expectClosed();
    }

    @Test
    void publishRetained_retainUnavailable_disconnect0x9A() {
        // [MQTT-3.2.2-14] RETAIN=1 although Retain Available is 0: DISCONNECT 0x9A Retain not supported
        RawMqttClient client = Mqtt5Flows.connected(broker, "cl-ret");
        client.send(Mqtt5Packets.publish("cl/ret", 0, Retain.YES, Dup.NO, 0, properties(), "x"));
        client.expectPacket("e0 01 9a");
        client.expectClosed();
    }

    @Test
    void willQos2_aboveMaximum_connack0x9B() {
        // [MQTT-3.2.2-12] [MQTT-3.2.2-6] [MQTT-3.2.2-7]
        RawMqttClient client = broker.raw().send(Mqtt5Packets.connect("cl-wq2").will("cl/w", WILL, 2, Retain.NO)
                .build());
        client.expectPacket("20 03 00 9b 00");
        client.expectClosed();
    }

    @Test
    void willRetained_retainUnavailable_connack0x9A() {
        // [MQTT-3.2.2-13]
        RawMqttClient client = broker.raw().send(Mqtt5Packets.connect("cl-wret").will("cl/w", WILL, 0, Retain.YES)
                .build());
        client.expectPacket("20 03 00 9a 00");
        client.expectClosed();
    }

    @Test
    void subscribeQos2_stillAcceptedAndGranted() {
        // [MQTT-3.2.2-10] SUBSCRIBE with QoS 0, 1 and 2 is accepted whatever the Maximum QoS
        Mqtt5Flows.connected(broker, "cl-sub").send(Mqtt5Packets.subscribe(1, properties(),
                Mqtt5Subscription.of("cl/a", 0), Mqtt5Subscription.of("cl/b", 1), Mqtt5Subscription.of("cl/c", 2)))
                .expectPacket("90 06 00 01 00 00 01 02");
    }

    @Test
    void v311Client_retainedPublish_connectionClosed() {
        // 3.1.1 cannot be told: the connection closes
        RawMqttClient client = broker.connected("cl-311");
        client.send(Packets.publish("cl/311", 0, Retain.YES, Dup.NO, 0, "x"));
        client.expectClosed();
    }

    @Test
    void v311Client_qos1Publish_accepted() {
        RawMqttClient client = broker.raw().send(Packets.connect("cl-311-q1", CleanSession.YES, 60))
                .expectPacket("20 02 00 00");
        client.send(Packets.publish("cl/311/q1", 1, Retain.NO, Dup.NO, 3, "x")).expectPacket("40 02 00 03");
    }

    @Test
    void hivemq_restrictionsReported() {
        // [MQTT-3.2.2-9] the client library reads the restrictions from the CONNACK
        Mqtt5BlockingClient client = Mqtt5Clients.hivemq(broker, "cl-h");
        Mqtt5ConnAck connAck = client.connect();
        assertThat(connAck.getRestrictions().getMaximumQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
        assertThat(connAck.getRestrictions().isRetainAvailable()).isFalse();
    }
}
