package io.ternmq.e2e.spec.v5;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubRecException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.pubrec.Mqtt5PubRecReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.unsubscribe.unsuback.Mqtt5UnsubAck;
import com.hivemq.client.mqtt.mqtt5.message.unsubscribe.unsuback.Mqtt5UnsubAckReasonCode;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Mqtt5Clients;
import io.ternmq.e2e.Mqtt5Flows;
import io.ternmq.e2e.PrefixDenyingAuthorizer;
import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Mqtt5Packets;
import io.ternmq.testkit.Mqtt5Subscription;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.Retain;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;

import static io.ternmq.testkit.Mqtt5Properties.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reason codes on the acknowledgements (sections 3.4 to 3.11): PUBACK/PUBREC 0x10 and 0x87, PUBCOMP 0x92, SUBACK
 * 0x87, UNSUBACK 0x00/0x11, each as exact bytes and as a real client sees it. Topics under "deny/" are refused.
 */
class ReasonCodeTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.with(b -> b.authorizer(new PrefixDenyingAuthorizer("deny/")));

    @Test
    void puback_noMatchingSubscribers_reasonCode0x10() {
        // [MQTT-3.4.2-1] 0x10 No matching subscribers; [MQTT-2.2.1-5] [MQTT-3.3.4-1]
        Mqtt5Flows.connected(broker, "rc-nomatch").send(
                        Mqtt5Packets.publish("rc/nobody", 1, Retain.NO, Dup.NO, 1, properties(), "x"))
                .expectPacket("40 03 00 01 10");
    }

    @Test
    void pubrec_noMatchingSubscribers_reasonCode0x10ThenPubcompSuccess() {
        // [MQTT-3.5.2-1] 0x10 on PUBREC; [MQTT-3.7.2-1] PUBCOMP success; [MQTT-4.3.3-8] [MQTT-4.3.3-11]
        Mqtt5Flows.connected(broker, "rc-nomatch2")
                .send(Mqtt5Packets.publish("rc/nobody", 2, Retain.NO, Dup.NO, 2, properties(), "x"))
                .expectPacket("50 03 00 02 10")
                .send(Packets.pubrel(2))
                .expectPacket("70 02 00 02");
    }

    @Test
    void puback_matchingSubscriber_successShortForm() {
        // [MQTT-3.4.2-1] 0x00 Success, sent in the short form of 3.4.2.1 (no reason code, no properties)
        Mqtt5Flows.subscriber(broker, "rc-ok-sub", "rc/ok", 1);
        Mqtt5Flows.connected(broker, "rc-ok-pub")
                .send(Mqtt5Packets.publish("rc/ok", 1, Retain.NO, Dup.NO, 3, properties(), "x"))
                .expectPacket("40 02 00 03");
    }

    @Test
    void puback_unauthorizedTopic_reasonCode0x87AndNotDelivered() {
        // [MQTT-3.4.2-1] 0x87 Not authorized; the message goes nowhere
        RawMqttClient watcher = Mqtt5Flows.subscriber(broker, "rc-deny-watch", "+/rcq1", 1);
        RawMqttClient publisher = Mqtt5Flows.connected(broker, "rc-deny-pub");
        publisher.send(Mqtt5Packets.publish("deny/rcq1", 1, Retain.NO, Dup.NO, 4, properties(), "no"))
                .expectPacket("40 03 00 04 87");
        Mqtt5Flows.publishQos1(publisher, "allow/rcq1", properties(), "marker", 5);
        Mqtt5Flows.expectPublish(watcher, "allow/rcq1", "marker", 1);
    }

    @Test
    void pubrec_unauthorizedTopic_reasonCode0x87() {
        // [MQTT-3.5.2-1] 0x87 Not authorized; [MQTT-4.3.3-9] after a PUBREC >= 0x80 the id is free again
        RawMqttClient publisher = Mqtt5Flows.connected(broker, "rc-deny-q2");
        publisher.send(Mqtt5Packets.publish("deny/rcq2", 2, Retain.NO, Dup.NO, 6, properties(), "no"))
                .expectPacket("50 03 00 06 87");
        publisher.send(Mqtt5Packets.publish("rc/q2-free", 2, Retain.NO, Dup.NO, 6, properties(), "again"))
                .expectPacket("50 03 00 06 10");
    }

    @Test
    void pubcomp_pubrelForUnknownId_reasonCode0x92() {
        // [MQTT-3.7.2-1] 0x92 Packet Identifier not found; [MQTT-3.6.2-1] the PUBREL was a valid one
        Mqtt5Flows.connected(broker, "rc-pubrel").send(Packets.pubrel(0x0909)).expectPacket("70 03 09 09 92");
    }

    @Test
    void suback_unauthorizedFilter_0x87OthersGranted() {
        // [MQTT-3.9.3-1] order of the filters; [MQTT-3.9.3-2] defined codes; [MQTT-3.8.4-5] [MQTT-3.8.4-6]
        // [MQTT-3.8.4-7]; [MQTT-2.2.1-6] [MQTT-3.8.4-1] [MQTT-3.8.4-2] the SUBSCRIBE's packet id
        Mqtt5Flows.connected(broker, "rc-suback").send(Mqtt5Packets.subscribe(0x0A0B, properties(),
                        Mqtt5Subscription.of("rc/a", 1), Mqtt5Subscription.of("deny/b", 1),
                        Mqtt5Subscription.of("rc/c", 2)))
                .expectPacket("90 06 0a 0b 00 01 87 02");
    }

    @Test
    void unsuback_existingAndUnknownFilter_0x00And0x11() {
        // [MQTT-3.11.3-1] order; [MQTT-3.11.3-2] 0x00 Success, 0x11 No subscription existed; [MQTT-3.10.4-4]
        // [MQTT-3.10.4-5] [MQTT-3.10.4-6] one UNSUBACK with the UNSUBSCRIBE's id; [MQTT-2.2.1-6]
        RawMqttClient client = Mqtt5Flows.subscriber(broker, "rc-unsub", "rc/u", 0);
        client.send(Mqtt5Packets.unsubscribe(0x0102, "rc/none", "rc/u")).expectPacket("b0 05 01 02 00 11 00");
        client.send(Mqtt5Packets.unsubscribe(3, "rc/u")).expectPacket("b0 04 00 03 00 11");
    }

    @Test
    void hivemq_publishReasonCodes_noSubscribersAndNotAuthorized() {
        // [MQTT-3.4.2-1] [MQTT-3.5.2-1] as a client library reports them
        Mqtt5BlockingClient client = Mqtt5Clients.hivemqConnected(broker, "rc-h-pub");
        Mqtt5PublishResult none = client.publishWith().topic("rc/h/nobody").qos(MqttQos.AT_LEAST_ONCE)
                .payload(new byte[] {1}).send();
        assertThat(((Mqtt5PublishResult.Mqtt5Qos1Result) none).getPubAck().getReasonCode())
                .isEqualTo(Mqtt5PubAckReasonCode.NO_MATCHING_SUBSCRIBERS);
        // a failure code surfaces as an exception from the blocking client, carrying the PUBACK / PUBREC
        assertThatThrownBy(() -> client.publishWith().topic("deny/h").qos(MqttQos.AT_LEAST_ONCE)
                .payload(new byte[] {1}).send())
                .isInstanceOfSatisfying(Mqtt5PubAckException.class, e -> assertThat(e.getMqttMessage()
                        .getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED));
        assertThatThrownBy(() -> client.publishWith().topic("deny/h2").qos(MqttQos.EXACTLY_ONCE)
                .payload(new byte[] {1}).send())
                .isInstanceOfSatisfying(Mqtt5PubRecException.class, e -> assertThat(e.getMqttMessage()
                        .getReasonCode()).isEqualTo(Mqtt5PubRecReasonCode.NOT_AUTHORIZED));
    }

    @Test
    void hivemq_subscribeUnauthorized_subAck0x87_unsubscribeUnknown_unsubAck0x11() {
        // [MQTT-3.9.3-2] [MQTT-3.11.3-2]
        Mqtt5BlockingClient client = Mqtt5Clients.hivemqConnected(broker, "rc-h-sub");
        assertThatThrownBy(() -> client.subscribeWith().topicFilter("deny/h/#").qos(MqttQos.AT_MOST_ONCE).send())
                .isInstanceOfSatisfying(Mqtt5SubAckException.class, e -> assertThat(e.getMqttMessage()
                        .getReasonCodes()).containsExactly(Mqtt5SubAckReasonCode.NOT_AUTHORIZED));
        Mqtt5UnsubAck unsubAck = client.unsubscribeWith().topicFilter("rc/h/never").send();
        assertThat(unsubAck.getReasonCodes()).containsExactly(Mqtt5UnsubAckReasonCode.NO_SUBSCRIPTIONS_EXISTED);
    }

    @Test
    void paho_reasonCodes_subscribeAndPublish() throws Exception {
        // [MQTT-3.9.3-2] [MQTT-3.4.2-1] as Paho v5 reports them
        MqttClient client = Mqtt5Clients.paho(broker, "rc-p");
        client.connect();
        IMqttToken subscribed = client.subscribe(new MqttSubscription[] {new MqttSubscription("rc/p/ok", 2),
                new MqttSubscription("deny/p", 1)});
        assertThat(subscribed.getReasonCodes()).containsExactly(2, 0x87);
        MqttMessage message = new MqttMessage("x".getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        IMqttToken delivered = client.getTopic("rc/p/nobody").publish(message);
        delivered.waitForCompletion(BrokerExtension.WAIT.toMillis());
        assertThat(delivered.getReasonCodes()).containsExactly(0x10);
    }

    @Test
    void requestProblemInformation0_errorAcks_carryNoReasonStringOrUserProperties() {
        // [MQTT-3.1.2-29] with Request Problem Information = 0 only PUBLISH, CONNACK and DISCONNECT may carry a
        // Reason String or User Properties: every other packet is sent bare
        RawMqttClient client = Mqtt5Flows.connected(broker, Mqtt5Packets.connect("rc-rpi0")
                .properties(properties().requestProblemInformation(0)));
        client.send(Mqtt5Packets.publish("deny/rpi", 1, Retain.NO, Dup.NO, 1, properties(), "x"))
                .expectPacket("40 03 00 01 87");
        client.send(Mqtt5Packets.publish("deny/rpi", 2, Retain.NO, Dup.NO, 2, properties(), "x"))
                .expectPacket("50 03 00 02 87");
        client.send(Packets.pubrel(3)).expectPacket("70 03 00 03 92");
        client.send(Mqtt5Packets.subscribe(4, properties(), Mqtt5Subscription.of("deny/rpi", 0)))
                .expectPacket("90 04 00 04 00 87");
        client.send(Mqtt5Packets.unsubscribe(5, "rc/rpi")).expectPacket("b0 04 00 05 00 11");
    }

    @Test
    void smallClientMaximumPacketSize_everyServerPacketWithoutReasonStringOrUserProperties() {
        // A client accepting at most 16 bytes: Reason String and User Properties are what a server leaves out to
        // fit; every reply comes bare, within the limit. CONNACK [MQTT-3.2.2-19] [MQTT-3.2.2-20], PUBACK
        // [MQTT-3.4.2-2] [MQTT-3.4.2-3], PUBREC [MQTT-3.5.2-2] [MQTT-3.5.2-3], PUBREL [MQTT-3.6.2-2] [MQTT-3.6.2-3],
        // PUBCOMP [MQTT-3.7.2-2] [MQTT-3.7.2-3], SUBACK [MQTT-3.9.2-1] [MQTT-3.9.2-2], UNSUBACK [MQTT-3.11.2-1]
        // [MQTT-3.11.2-2], DISCONNECT [MQTT-3.14.2-3] [MQTT-3.14.2-4]
        var small = Mqtt5Packets.connect("rc-small").properties(properties().maximumPacketSize(16));
        Mqtt5Flows.ConnectResult connected = Mqtt5Flows.connect(broker, small);
        assertThat(connected.connack().bytes().length).isLessThanOrEqualTo(16);
        assertThat(connected.connack().properties().ids()).doesNotContain(0x1F, 0x26);
        RawMqttClient client = connected.client();
        client.send(Mqtt5Packets.publish("deny/s", 1, Retain.NO, Dup.NO, 1, properties(), "x"))
                .expectPacket("40 03 00 01 87");
        client.send(Mqtt5Packets.publish("deny/s", 2, Retain.NO, Dup.NO, 2, properties(), "x"))
                .expectPacket("50 03 00 02 87");
        client.send(Packets.pubrel(3)).expectPacket("70 03 00 03 92");
        client.send(Mqtt5Packets.subscribe(4, properties(), Mqtt5Subscription.of("deny/s", 0)))
                .expectPacket("90 04 00 04 00 87");
        client.send(Mqtt5Packets.unsubscribe(5, "rc/s")).expectPacket("b0 04 00 05 00 11");

        Mqtt5Flows.subscribe(client, 6, "rc/small", 2);
        Mqtt5Flows.publishQos2(Mqtt5Flows.connected(broker, "rc-small-pub"), "rc/small", properties(), "x", 1);
        var publish = Mqtt5Flows.expectPublish(client, "rc/small", "x", 2);
        assertThat(publish.bytes().length).isLessThanOrEqualTo(16);
        client.send(Packets.pubrec(publish.packetId())).expectPacket(Packets.pubrel(publish.packetId()));
        client.send(Packets.pubcomp(publish.packetId()));

        Mqtt5Flows.connected(broker, "rc-small");
        client.expectPacket("e0 01 8e");
        client.expectClosed();
    }
}
