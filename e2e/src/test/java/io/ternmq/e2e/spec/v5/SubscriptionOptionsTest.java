package io.ternmq.e2e.spec.v5;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient.Mqtt5Publishes;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5RetainHandling;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.testkit.RawMqttClient;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.ternmq.e2e.spec.v5.HiveMqV5.connected;
import static io.ternmq.e2e.spec.v5.HiveMqV5.publish;
import static io.ternmq.e2e.spec.v5.HiveMqV5.publishes;
import static io.ternmq.e2e.spec.v5.HiveMqV5.receive;
import static io.ternmq.e2e.spec.v5.HiveMqV5.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscription options of MQTT 5 (3.8.3.1): No Local, Retain As Published, Retain Handling. Where a test shows
 * that something was NOT sent, a marker message on the same subscription follows, and the first message received
 * must be the marker: the broker keeps per-subscription publish order, so nothing earlier can still arrive.
 */
class SubscriptionOptionsTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.withDefaults();

    private static void subscribe(Mqtt5BlockingClient client, String filter, boolean noLocal, boolean retainAsPublished,
                                  Mqtt5RetainHandling retainHandling) {
        client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).noLocal(noLocal)
                .retainAsPublished(retainAsPublished).retainHandling(retainHandling).send();
    }

    @Test
    void noLocal_ownMessage_notDeliveredBackButToOthers() throws InterruptedException {
        // [MQTT-3.8.3-3] not forwarded to the connection with the publisher's client id
        Mqtt5BlockingClient self = connected(broker, "nl-self");
        Mqtt5Publishes selfReceived = publishes(broker, self);
        Mqtt5BlockingClient other = connected(broker, "nl-other");
        Mqtt5Publishes otherReceived = publishes(broker, other);
        subscribe(self, "nl/t", true, false, Mqtt5RetainHandling.SEND);
        subscribe(self, "nl/marker", false, false, Mqtt5RetainHandling.SEND);
        subscribe(other, "nl/t", true, false, Mqtt5RetainHandling.SEND);

        publish(self, "nl/t", "own", MqttQos.AT_LEAST_ONCE, false);
        publish(self, "nl/marker", "marker", MqttQos.AT_LEAST_ONCE, false);

        assertThat(text(receive(otherReceived))).isEqualTo("own");
        assertThat(text(receive(selfReceived))).isEqualTo("marker");
    }

    @Test
    void noLocal_overlappingPlainSubscription_stillDeliversOnce() throws InterruptedException {
        // [MQTT-3.8.3-3] only the No Local subscription ignores the own message
        Mqtt5BlockingClient self = connected(broker, "nl-overlap");
        Mqtt5Publishes received = publishes(broker, self);
        subscribe(self, "nlo/#", true, false, Mqtt5RetainHandling.SEND);
        subscribe(self, "nlo/t", false, false, Mqtt5RetainHandling.SEND);

        publish(self, "nlo/t", "via plain", MqttQos.AT_LEAST_ONCE, false);
        publish(self, "nlo/t", "again", MqttQos.AT_LEAST_ONCE, false);

        assertThat(text(receive(received))).isEqualTo("via plain");
        assertThat(text(receive(received))).isEqualTo("again");
    }

    @Test
    void retainAsPublished_set_forwardsRetainFlagAsPublished() throws InterruptedException {
        // [MQTT-3.3.1-13] RAP=1: RETAIN as in the received PUBLISH
        Mqtt5BlockingClient subscriber = connected(broker, "rap-1");
        Mqtt5Publishes received = publishes(broker, subscriber);
        subscribe(subscriber, "rap1/t", false, true, Mqtt5RetainHandling.SEND);
        Mqtt5BlockingClient publisher = connected(broker, "rap-1-pub");

        publish(publisher, "rap1/t", "retained", MqttQos.AT_LEAST_ONCE, true);
        publish(publisher, "rap1/t", "plain", MqttQos.AT_LEAST_ONCE, false);

        Mqtt5Publish first = receive(received);
        Mqtt5Publish second = receive(received);
        assertThat(text(first)).isEqualTo("retained");
        assertThat(first.isRetain()).isTrue();
        assertThat(text(second)).isEqualTo("plain");
        assertThat(second.isRetain()).isFalse();
        publish(publisher, "rap1/t", "", MqttQos.AT_LEAST_ONCE, true); // clears the retained message
    }

    @Test
    void retainAsPublished_clear_forwardsRetainZero() throws InterruptedException {
        // [MQTT-3.3.1-12] RAP=0: RETAIN=0 on every forwarded message
        Mqtt5BlockingClient subscriber = connected(broker, "rap-0");
        Mqtt5Publishes received = publishes(broker, subscriber);
        subscribe(subscriber, "rap0/t", false, false, Mqtt5RetainHandling.SEND);
        Mqtt5BlockingClient publisher = connected(broker, "rap-0-pub");

        publish(publisher, "rap0/t", "retained", MqttQos.AT_LEAST_ONCE, true);

        Mqtt5Publish first = receive(received);
        assertThat(text(first)).isEqualTo("retained");
        assertThat(first.isRetain()).isFalse();
        publish(publisher, "rap0/t", "", MqttQos.AT_LEAST_ONCE, true);
    }

    @Test
    void retainHandling0_everySubscribe_sendsRetainedAgain() throws InterruptedException {
        // [MQTT-3.3.1-9] sent at every subscribe; [MQTT-3.8.4-4] also when it replaces the subscription
        Mqtt5BlockingClient publisher = connected(broker, "rh0-pub");
        publish(publisher, "rh0/t", "kept", MqttQos.AT_LEAST_ONCE, true);
        Mqtt5BlockingClient subscriber = connected(broker, "rh0-sub");
        Mqtt5Publishes received = publishes(broker, subscriber);

        subscribe(subscriber, "rh0/t", false, false, Mqtt5RetainHandling.SEND);
        Mqtt5Publish first = receive(received);
        subscribe(subscriber, "rh0/t", false, false, Mqtt5RetainHandling.SEND);
        Mqtt5Publish second = receive(received);

        assertThat(text(first)).isEqualTo("kept");
        assertThat(first.isRetain()).isTrue();
        assertThat(text(second)).isEqualTo("kept");
        assertThat(second.isRetain()).isTrue();
        publish(publisher, "rh0/t", "", MqttQos.AT_LEAST_ONCE, true);
    }

    @Test
    void retainHandling1_onlyForNewSubscription() throws InterruptedException {
        // [MQTT-3.3.1-10] sent when the subscription is new, not when it replaces an existing one
        Mqtt5BlockingClient publisher = connected(broker, "rh1-pub");
        publish(publisher, "rh1/t", "kept", MqttQos.AT_LEAST_ONCE, true);
        Mqtt5BlockingClient subscriber = connected(broker, "rh1-sub");
        Mqtt5Publishes received = publishes(broker, subscriber);

        subscribe(subscriber, "rh1/t", false, false, Mqtt5RetainHandling.SEND_IF_SUBSCRIPTION_DOES_NOT_EXIST);
        assertThat(text(receive(received))).isEqualTo("kept");
        subscribe(subscriber, "rh1/t", false, false, Mqtt5RetainHandling.SEND_IF_SUBSCRIPTION_DOES_NOT_EXIST);
        publish(publisher, "rh1/t", "marker", MqttQos.AT_LEAST_ONCE, false);

        assertThat(text(receive(received))).isEqualTo("marker");
        publish(publisher, "rh1/t", "", MqttQos.AT_LEAST_ONCE, true);
    }

    @Test
    void retainHandling2_noRetainedOnSubscribe() throws InterruptedException {
        // [MQTT-3.3.1-11] no retained messages at all on subscribe
        Mqtt5BlockingClient publisher = connected(broker, "rh2-pub");
        publish(publisher, "rh2/t", "kept", MqttQos.AT_LEAST_ONCE, true);
        Mqtt5BlockingClient subscriber = connected(broker, "rh2-sub");
        Mqtt5Publishes received = publishes(broker, subscriber);

        subscribe(subscriber, "rh2/t", false, false, Mqtt5RetainHandling.DO_NOT_SEND);
        publish(publisher, "rh2/t", "marker", MqttQos.AT_LEAST_ONCE, false);

        assertThat(text(receive(received))).isEqualTo("marker");
        publish(publisher, "rh2/t", "", MqttQos.AT_LEAST_ONCE, true);
    }

    @Test
    void paho_noLocalAndRetainAsPublished_asRequested() throws Exception {
        // [MQTT-3.8.3-3] own message not back through the No Local subscription; [MQTT-3.3.1-13] RETAIN kept
        PahoV5 self = PahoV5.connected(broker, "paho-nl");
        MqttSubscription noLocal = new MqttSubscription("pnl/t", 1);
        noLocal.setNoLocal(true);
        noLocal.setRetainAsPublished(true);
        noLocal.setRetainHandling(2);
        self.subscribe(noLocal, 0);
        PahoV5 other = PahoV5.connected(broker, "paho-nl-other");

        self.publish("pnl/t", "own");
        other.publishRetained("pnl/t", "theirs");

        MqttMessage first = self.next();
        assertThat(PahoV5.text(first)).isEqualTo("theirs");
        assertThat(first.isRetained()).isTrue();
        other.publishRetained("pnl/t", "");
    }

    @Test
    void raw_noLocalOnSharedSubscription_disconnect0x82() {
        // [MQTT-3.8.3-4] No Local on a shared subscription is a Protocol Error: DISCONNECT 0x82, then close
        RawMqttClient client = V5Wire.connected(broker.raw(), "nl-shared");

        client.send(V5Wire.subscribe(1, "$share/g/nls/t", V5Wire.NO_LOCAL | 1));

        client.expectBytes("e0 01 82");
        client.expectClosed();
    }

    @Test
    void raw_retainHandling3_disconnect0x82() {
        // 3.8.3.1: Retain Handling 3 is a Protocol Error
        RawMqttClient client = V5Wire.connected(broker.raw(), "rh3");

        client.send(V5Wire.subscribe(1, "rh3/t", 0x30 | 1));

        client.expectBytes("e0 01 82");
        client.expectClosed();
    }

    @Test
    void raw_reservedOptionBits_disconnect0x81() {
        // [MQTT-3.8.3-5] reserved bits 6-7 set: Malformed Packet
        RawMqttClient client = V5Wire.connected(broker.raw(), "opts-reserved");

        client.send(V5Wire.subscribe(1, "res/t", 0x40 | 1));

        client.expectBytes("e0 01 81");
        client.expectClosed();
    }

    @Test
    void raw_retainAsPublishedAndRetainHandling_exactPublishFlags() {
        // [MQTT-3.3.1-13] RAP=1 keeps RETAIN=1 on a message routed live; [MQTT-3.3.1-11] RH=2: nothing on subscribe
        RawMqttClient publisher = V5Wire.connected(broker.raw(), "raw-rap-pub");
        publisher.send(V5Wire.publish("rrap/t", 1, 1, "old", 1));
        publisher.readPacket(); // PUBACK: "old" is retained before the subscription exists
        RawMqttClient subscriber = V5Wire.connected(broker.raw(), "raw-rap-sub");
        subscriber.send(V5Wire.subscribe(9, "rrap/t", V5Wire.RETAIN_AS_PUBLISHED | V5Wire.RETAIN_HANDLING_NEVER));
        subscriber.expectBytes("90 04 00 09 00 00");                 // SUBACK id 9, no properties, QoS 0 granted

        publisher.send(V5Wire.publish("rrap/t", 0, 0, "new", 1));

        V5Wire.Received received = V5Wire.Received.read(subscriber);
        assertThat(received.payload()).isEqualTo("new");
        assertThat(received.firstByte()).isEqualTo(0x31);          // PUBLISH QoS 0 RETAIN=1
        publisher.send(V5Wire.publish("rrap/t", 0, 0, "", 1));
    }
}
