package io.ternmq.e2e.spec.v5;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Mqtt5Flows;
import io.ternmq.testkit.CleanStart;
import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Mqtt5Packets;
import io.ternmq.testkit.Mqtt5Properties;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.ReceivedMqtt5Publish;
import io.ternmq.testkit.ReceivedProperty;
import io.ternmq.testkit.Retain;
import io.ternmq.testkit.SessionPresent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Comparator;
import java.util.List;

import static io.ternmq.testkit.Mqtt5Properties.properties;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application metadata of a 5.0 PUBLISH (section 3.3.2.3) reaches every subscriber untouched: payload format
 * indicator, response topic, correlation data, content type and user properties (order and duplicates kept), live,
 * retained and queued for an offline session; a 3.1.1 subscriber gets the message without any of it.
 */
class PublishPropertiesTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.withDefaults();

    /** Every forwarded metadata property, user properties with a repeated name and an exact repeat. */
    private static Mqtt5Properties metadata() {
        return properties()
                .payloadFormatIndicator(1)
                .contentType("text/plain; charset=utf-8")
                .responseTopic("pp/reply/\u00e9")
                .correlationData(new byte[] {0, 1, (byte) 0xFF})
                .userProperty("b", "2")
                .userProperty("a", "1")
                .userProperty("a", "3")
                .userProperty("b", "2");
    }

    /** The sent properties as the subscriber must see them: same values, user properties in the same order. */
    private static void assertMetadataForwarded(ReceivedMqtt5Publish received) {
        List<ReceivedProperty> others = received.properties().all().stream()
                .filter(p -> p.id() != Mqtt5Properties.USER_PROPERTY)
                .sorted(Comparator.comparingInt(ReceivedProperty::id)).toList();
        assertThat(others).as("non-user properties of %s", received).containsExactly(
                new ReceivedProperty(0x01, new byte[] {1}),
                new ReceivedProperty(0x03, Packets.string("text/plain; charset=utf-8")),
                new ReceivedProperty(0x08, Packets.string("pp/reply/\u00e9")),
                new ReceivedProperty(0x09, new byte[] {0, 3, 0, 1, (byte) 0xFF}));
        assertThat(received.properties().userProperties()).as("user properties of %s", received).containsExactly(
                new ReceivedProperty.UserPair("b", "2"), new ReceivedProperty.UserPair("a", "1"),
                new ReceivedProperty.UserPair("a", "3"), new ReceivedProperty.UserPair("b", "2"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void publish_metadata_forwardedUnchangedToV5Subscriber(int qos) {
        // [MQTT-3.3.2-4] payload format indicator, [MQTT-3.3.2-15] response topic, [MQTT-3.3.2-16] correlation data,
        // [MQTT-3.3.2-17] [MQTT-3.3.2-18] user properties, all and in order, [MQTT-3.3.2-20] content type
        String topic = "pp/live/" + qos;
        RawMqttClient subscriber = Mqtt5Flows.subscriber(broker, "pp-live-sub-" + qos, topic, 2);
        RawMqttClient publisher = Mqtt5Flows.connected(broker, "pp-live-pub-" + qos);
        publisher.send(Mqtt5Packets.publish(topic, qos, Retain.NO, Dup.NO, qos == 0 ? 0 : 7, metadata(), "m"));
        ReceivedMqtt5Publish received = Mqtt5Flows.expectPublish(subscriber, topic, "m", qos);
        assertMetadataForwarded(received);
        Mqtt5Flows.acknowledge(subscriber, received);
    }

    @Test
    void publish_noProperties_forwardedWithPropertyLengthZero() {
        // [MQTT-2.2.2-1] a packet without properties still carries a Property Length of zero
        RawMqttClient subscriber = Mqtt5Flows.subscriber(broker, "pp-none-sub", "pp/none", 0);
        Mqtt5Flows.connected(broker, "pp-none-pub").send(Mqtt5Packets.publish("pp/none", "x"));
        subscriber.expectPacket("30 0b 00 07 70 70 2f 6e 6f 6e 65 00 78"); // topic "pp/none", property length 0, "x"
    }

    @Test
    void retainedMessage_metadata_deliveredToLaterSubscriber() {
        // [MQTT-3.3.2-4] [MQTT-3.3.2-15] [MQTT-3.3.2-16] [MQTT-3.3.2-17] [MQTT-3.3.2-18] [MQTT-3.3.2-20]
        RawMqttClient publisher = Mqtt5Flows.connected(broker, "pp-ret-pub");
        publisher.send(Mqtt5Packets.publish("pp/retained", 1, Retain.YES, Dup.NO, 3, metadata(), "kept"));
        Mqtt5Flows.expectAck(publisher, 4, 3);
        RawMqttClient subscriber = Mqtt5Flows.subscriber(broker, "pp-ret-sub", "pp/retained", 1);
        ReceivedMqtt5Publish received = Mqtt5Flows.expectPublish(subscriber, "pp/retained", "kept", 1);
        assertThat(received.retain()).isEqualTo(Retain.YES);
        assertMetadataForwarded(received);
        Mqtt5Flows.acknowledge(subscriber, received);
        publisher.send(Mqtt5Packets.publish("pp/retained", 1, Retain.YES, Dup.NO, 4, properties(), new byte[0]));
        Mqtt5Flows.expectAck(publisher, 4, 4);
    }

    @Test
    void queuedMessage_offlinePersistentSession_metadataKept() {
        // [MQTT-3.3.2-4] [MQTT-3.3.2-15] [MQTT-3.3.2-16] [MQTT-3.3.2-17] [MQTT-3.3.2-18] [MQTT-3.3.2-20]
        var persistent = Mqtt5Packets.connect("pp-queue-sub").cleanStart(CleanStart.NO)
                .properties(properties().sessionExpiryInterval(300));
        RawMqttClient first = Mqtt5Flows.connected(broker, persistent);
        Mqtt5Flows.subscribe(first, 1, "pp/queued", 2);
        first.send(Mqtt5Packets.disconnect());
        first.expectClosed();
        RawMqttClient publisher = Mqtt5Flows.connected(broker, "pp-queue-pub");
        Mqtt5Flows.publishQos2(publisher, "pp/queued", metadata(), "later", 5);

        Mqtt5Flows.ConnectResult again = Mqtt5Flows.connect(broker, persistent);
        assertThat(again.connack().sessionPresent()).isEqualTo(SessionPresent.YES);
        ReceivedMqtt5Publish received = Mqtt5Flows.expectPublish(again.client(), "pp/queued", "later", 2);
        assertMetadataForwarded(received);
        Mqtt5Flows.acknowledge(again.client(), received);
        again.client().send(Mqtt5Packets.disconnect(0x00, properties().sessionExpiryInterval(0)));
    }

    @Test
    void v5Message_toV311Subscriber_arrivesWithoutProperties() {
        // A 3.1.1 PUBLISH has no property block: the 5.0 metadata is dropped, topic, QoS and payload stay.
        RawMqttClient subscriber = broker.subscriber("pp-v311-sub", "pp/old", 1);
        RawMqttClient publisher = Mqtt5Flows.connected(broker, "pp-v311-pub");
        publisher.send(Mqtt5Packets.publish("pp/old", 1, Retain.NO, Dup.NO, 9, metadata(), "plain"));
        byte[] expected = Packets.publish("pp/old", 1, Retain.NO, Dup.NO, 1, "plain");
        subscriber.expectPacket(expected);
        subscriber.send(Packets.puback(1));
    }

    @Test
    void responseTopic_withWildcard_protocolErrorDisconnect() {
        // [MQTT-3.3.2-14] a Response Topic is a topic name: no wildcards (a Protocol Error)
        RawMqttClient publisher = Mqtt5Flows.connected(broker, "pp-rt-wild");
        publisher.send(Mqtt5Packets.publish("pp/rt", 1, Retain.NO, Dup.NO, 1, properties().responseTopic("pp/+/x"),
                "x"));
        publisher.expectPacket("e0 01 82");
        publisher.expectClosed();
    }

    @Test
    void responseTopic_illFormedUtf8_malformedDisconnect() {
        // [MQTT-3.3.2-13] [MQTT-1.5.4-1] the Response Topic is a UTF-8 Encoded String
        RawMqttClient publisher = Mqtt5Flows.connected(broker, "pp-rt-utf8");
        publisher.send(Mqtt5Packets.publish("pp/rt", 0, Retain.NO, Dup.NO, 0, properties()
                .raw(Mqtt5Properties.RESPONSE_TOPIC, new byte[] {0, 2, (byte) 0xC0, (byte) 0x80}), "x"));
        publisher.expectPacket("e0 01 81");
        publisher.expectClosed();
    }

    @Test
    void contentType_illFormedUtf8_malformedDisconnect() {
        // [MQTT-3.3.2-19] [MQTT-1.5.4-1] the Content Type is a UTF-8 Encoded String
        RawMqttClient publisher = Mqtt5Flows.connected(broker, "pp-ct-utf8");
        publisher.send(Mqtt5Packets.publish("pp/ct", 0, Retain.NO, Dup.NO, 0, properties()
                .raw(Mqtt5Properties.CONTENT_TYPE, new byte[] {0, 1, (byte) 0xFF}), "x"));
        publisher.expectPacket("e0 01 81");
        publisher.expectClosed();
    }

    @Test
    void userProperty_nullCharacterInValue_malformedDisconnect() {
        // [MQTT-1.5.7-1] both halves of a UTF-8 String Pair follow the UTF-8 string rules [MQTT-1.5.4-2]
        RawMqttClient publisher = Mqtt5Flows.connected(broker, "pp-up-null");
        publisher.send(Mqtt5Packets.publish("pp/up", 0, Retain.NO, Dup.NO, 0, properties()
                .raw(Mqtt5Properties.USER_PROPERTY, new byte[] {0, 1, 'k', 0, 1, 0}), "x"));
        publisher.expectPacket("e0 01 81");
        publisher.expectClosed();
    }
}
