package io.ternmq.e2e.spec.v5;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Mqtt5Flows;
import io.ternmq.testkit.CleanStart;
import io.ternmq.testkit.Hex;
import io.ternmq.testkit.Mqtt5Packets;
import io.ternmq.testkit.Mqtt5Properties;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.ReceivedMqtt5Packet;
import io.ternmq.testkit.ReceivedMqtt5Publish;
import io.ternmq.testkit.ReceivedProperty;
import io.ternmq.testkit.Retain;
import io.ternmq.testkit.SessionPresent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static io.ternmq.testkit.Mqtt5Properties.properties;
import static org.assertj.core.api.Assertions.assertThat;

/** The 5.0 CONNECT (section 3.1): what the broker accepts, what it refuses and how, and what a will becomes. */
class ConnectTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.withDefaults();

    private static final byte[] WILL = "gone".getBytes(StandardCharsets.UTF_8);

    /** Reads the CONNACK of a connection that must be accepted. */
    private static ReceivedMqtt5Packet accepted(RawMqttClient client) {
        ReceivedMqtt5Packet connack = client.readMqtt5Packet().expectType(ReceivedMqtt5Packet.CONNACK);
        assertThat(connack.reasonCode()).as("CONNACK %s", connack).isZero();
        return connack;
    }

    /**
     * A refused CONNECT: the connection closes, after at most a CONNACK with the given reason code (the
     * specification lets the broker choose whether to send it).
     */
    private static void closedOrRefusedWith(RawMqttClient client, int reasonCode) {
        byte[] reply;
        try {
            reply = client.readPacket();
        } catch (AssertionError closedWithoutReply) {
            client.expectClosed();
            return;
        }
        ReceivedMqtt5Packet connack = ReceivedMqtt5Packet.parse(reply).expectType(ReceivedMqtt5Packet.CONNACK);
        assertThat(connack.reasonCode()).as(Hex.format(reply)).isEqualTo(reasonCode);
        assertThat(connack.sessionPresent()).isEqualTo(SessionPresent.NO); // [MQTT-3.2.2-6]
        client.expectClosed();
    }

    @Test
    void connect_minimal_acceptedWithReasonCode0x00() {
        // [MQTT-3.1.4-5] [MQTT-3.2.0-1] [MQTT-3.1.3-3] client id first in the payload
        accepted(broker.raw().send("10 10 00 04 4d 51 54 54 05 02 00 3c 00 00 03 63 2d 61"));
    }

    @Test
    void firstPacket_notConnect_closedWithoutReply() {
        // [MQTT-3.1.0-1] [MQTT-3.14.0-1] no CONNACK and no DISCONNECT before a CONNECT
        broker.raw().send(Mqtt5Packets.publish("first", "x")).expectClosed();
    }

    @Test
    void protocolName_wrong_closed() {
        // [MQTT-3.1.2-1] [MQTT-3.1.4-1]
        closedOrRefusedWith(broker.raw().send(Mqtt5Packets.connect("c5-name").protocol("MQTX", 5).build()), 0x84);
    }

    @Test
    void protocolLevel_unknown_refusedAndClosed() {
        // [MQTT-3.1.2-2] a level the broker does not speak: CONNACK 0x01 as a 3.1.1 client would understand it
        RawMqttClient client = broker.raw().send(Mqtt5Packets.connect("c5-level").protocol("MQTT", 6).build());
        client.expectPacket("20 02 00 01");
        client.expectClosed();
    }

    @Test
    void connectFlags_reservedBitSet_closed() {
        // [MQTT-3.1.2-3] [MQTT-3.1.4-1] malformed
        closedOrRefusedWith(broker.raw().send(Mqtt5Packets.connect("c5-reserved").flags(0x03).build()), 0x81);
    }

    @Test
    void connectFlags_willQosWithoutWillFlag_closed() {
        // [MQTT-3.1.2-11]
        closedOrRefusedWith(broker.raw().send(Mqtt5Packets.connect("c5-wq").flags(0x0A).build()), 0x81);
    }

    @Test
    void connectFlags_willRetainWithoutWillFlag_closed() {
        // [MQTT-3.1.2-13]
        closedOrRefusedWith(broker.raw().send(Mqtt5Packets.connect("c5-wr").flags(0x22).build()), 0x81);
    }

    @Test
    void connectFlags_willQos3_closed() {
        // [MQTT-3.1.2-12]
        closedOrRefusedWith(broker.raw().send(Mqtt5Packets.connect("c5-w3").will("w/q3", WILL, 3, Retain.NO)
                .build()), 0x81);
    }

    @Test
    void connectFlags_willFlagWithoutWillFields_closed() {
        // [MQTT-3.1.2-9] will properties, topic and payload must follow the client id
        closedOrRefusedWith(broker.raw().send(Mqtt5Packets.connect("c5-wf").flags(0x06).build()), 0x81);
    }

    @Test
    void connectFlags_userNameFlagWithoutUserName_closed() {
        // [MQTT-3.1.2-17] [MQTT-3.1.3-12]
        closedOrRefusedWith(broker.raw().send(Mqtt5Packets.connect("c5-uf").flags(0x82).build()), 0x81);
    }

    @Test
    void connectFlags_passwordFlagWithoutPassword_closed() {
        // [MQTT-3.1.2-19]
        closedOrRefusedWith(broker.raw().send(Mqtt5Packets.connect("c5-pf").username("u").flags(0xC2).build()),
                0x81);
    }

    @Test
    void connectFlags_noUserNameNoPasswordButTrailingBytes_closed() {
        // [MQTT-3.1.2-16] [MQTT-3.1.2-18] without the flags there are no such fields: extra bytes are malformed
        byte[] connect = Mqtt5Packets.connect("c5-extra").username("u").flags(0x02).build();
        closedOrRefusedWith(broker.raw().send(connect), 0x81);
    }

    @Test
    void connect_passwordWithoutUserName_acceptedIn5() {
        // [MQTT-3.1.2-18] [MQTT-3.1.2-19] MQTT 5 allows a password without a user name
        accepted(broker.raw().send(Mqtt5Packets.connect("c5-pw").password(new byte[] {1, 2}).build()));
    }

    @Test
    void connect_everyPayloadField_acceptedInSpecOrder() {
        // [MQTT-3.1.3-1] client id, will properties, will topic, will payload, user name, password
        accepted(broker.raw().send(Mqtt5Packets.connect("c5-all").will("c5/all", WILL, 1, Retain.NO)
                .willProperties(properties().contentType("t")).username("user").password(new byte[] {9}).build()));
    }

    @Test
    void clientId_illFormedUtf8_closed() {
        // [MQTT-3.1.3-4] [MQTT-1.5.4-1]
        closedOrRefusedWith(broker.raw().send(Mqtt5Packets.connectRawId(new byte[] {'c', (byte) 0xC0, (byte) 0x80})
                .build()), 0x81);
    }

    @Test
    void clientId_nullCharacter_closed() {
        // [MQTT-1.5.4-2]
        closedOrRefusedWith(broker.raw().send(Mqtt5Packets.connectRawId(new byte[] {'c', 0, 'd'}).build()), 0x81);
    }

    @Test
    void clientId_23AlphanumericCharacters_accepted() {
        // [MQTT-3.1.3-5]
        accepted(broker.raw().send(Mqtt5Packets.connect("abcdefghijklmnopqrstuvW").build()));
    }

    @Test
    void clientId_byteOrderMark_keptAsPartOfTheId() {
        // [MQTT-1.5.4-3] EF BB BF is U+FEFF and is not stripped: "\uFEFFbom" and "bom" are two clients
        RawMqttClient withBom = Mqtt5Flows.connected(broker, Mqtt5Packets.connectRawId(
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'b', 'o', 'm'}));
        Mqtt5Flows.connected(broker, "bom");
        Mqtt5Flows.expectNothingPending(withBom); // not taken over by "bom"
    }

    @Test
    void willTopic_illFormedUtf8_closed() {
        // [MQTT-3.1.3-11] [MQTT-1.5.4-1]
        byte[] connect = Hex.parse("10 16 00 04 4d 51 54 54 05 06 00 3c 00 00 02 63 35" // level 5, will, clean
                + " 00"                  // will properties: none
                + " 00 02 c0 80"         // will topic: overlong encoding of U+0000
                + " 00 01 78");          // will payload "x"
        closedOrRefusedWith(broker.raw().send(connect), 0x81);
    }

    @Test
    void userName_illFormedUtf8_closed() {
        // [MQTT-3.1.3-12] [MQTT-1.5.4-1]
        byte[] connect = Hex.parse("10 14 00 04 4d 51 54 54 05 82 00 3c 00 00 03 63 35 75" // user name flag, clean
                + " 00 02 ed a0");       // user name: truncated surrogate
        closedOrRefusedWith(broker.raw().send(connect), 0x81);
    }

    @Test
    void will_abruptClose_publishedWithItsPropertiesAndUserPropertyOrder() {
        // [MQTT-3.1.2-7] [MQTT-3.1.2-8] stored and published when the connection is lost; [MQTT-3.1.2-9] will
        // properties, topic and payload; [MQTT-3.1.2-14] Will Retain 0 -> not retained; [MQTT-3.1.3-10] user
        // properties in their order
        RawMqttClient watcher = Mqtt5Flows.subscriber(broker, "c5-will-watch", "c5/will", 1);
        Mqtt5Flows.connected(broker, Mqtt5Packets.connect("c5-will").will("c5/will", WILL, 1, Retain.NO)
                .willProperties(properties().contentType("text/plain").responseTopic("c5/will/reply")
                        .userProperty("z", "1").userProperty("a", "2").userProperty("z", "0"))).close();
        ReceivedMqtt5Publish will = Mqtt5Flows.expectPublish(watcher, "c5/will", "gone", 1);
        assertThat(will.retain()).isEqualTo(Retain.NO);
        assertThat(will.properties().get(Mqtt5Properties.CONTENT_TYPE).text()).isEqualTo("text/plain");
        assertThat(will.properties().get(Mqtt5Properties.RESPONSE_TOPIC).text()).isEqualTo("c5/will/reply");
        assertThat(will.properties().userProperties()).containsExactly(new ReceivedProperty.UserPair("z", "1"),
                new ReceivedProperty.UserPair("a", "2"), new ReceivedProperty.UserPair("z", "0"));
        Mqtt5Flows.acknowledge(watcher, will);
    }

    @Test
    void will_retainFlag_publishedAsRetained() {
        // [MQTT-3.1.2-15]
        Mqtt5Flows.connected(broker, Mqtt5Packets.connect("c5-will-r").will("c5/will-r", WILL, 0, Retain.YES))
                .close();
        broker.awaitConnectedClients(0);
        RawMqttClient later = Mqtt5Flows.subscriber(broker, "c5-will-r-watch", "c5/will-r", 0);
        ReceivedMqtt5Publish will = Mqtt5Flows.expectPublish(later, "c5/will-r", "gone", 0);
        assertThat(will.retain()).isEqualTo(Retain.YES);
        Mqtt5Flows.connected(broker, "c5-will-r-clear").send(Mqtt5Packets.publish("c5/will-r", 0, Retain.YES,
                io.ternmq.testkit.Dup.NO, 0, properties(), new byte[0]));
    }

    @Test
    void cleanStart_processing_newThenResumedThenDiscarded() {
        // [MQTT-3.1.4-4] [MQTT-3.1.2-6] no session yet -> new; [MQTT-3.1.2-5] resumed; [MQTT-3.1.2-4] discarded;
        // [MQTT-3.1.3-2] the session is keyed on the client id; [MQTT-3.1.2-23] a Session Expiry Interval above 0
        // keeps it after the connection closed
        var resume = Mqtt5Packets.connect("c5-clean").cleanStart(CleanStart.NO)
                .properties(properties().sessionExpiryInterval(60));
        Mqtt5Flows.ConnectResult first = Mqtt5Flows.connect(broker, resume);
        assertThat(first.connack().sessionPresent()).isEqualTo(SessionPresent.NO);
        Mqtt5Flows.subscribe(first.client(), 1, "c5/clean", 1);
        first.client().close();
        broker.awaitConnectedClients(0);

        Mqtt5Flows.ConnectResult second = Mqtt5Flows.connect(broker, resume);
        assertThat(second.connack().sessionPresent()).isEqualTo(SessionPresent.YES);
        second.client().close();
        broker.awaitConnectedClients(0);
        Mqtt5Flows.connected(broker, "c5-clean-pub").send(Mqtt5Packets.publish("c5/clean", 1,
                Retain.NO, io.ternmq.testkit.Dup.NO, 1, properties(), "queued"));

        Mqtt5Flows.ConnectResult fresh = Mqtt5Flows.connect(broker, Mqtt5Packets.connect("c5-clean")
                .cleanStart(CleanStart.YES).properties(properties().sessionExpiryInterval(60)));
        assertThat(fresh.connack().sessionPresent()).isEqualTo(SessionPresent.NO);
        Mqtt5Flows.expectNothingPending(fresh.client()); // the queued message went with the old session
        fresh.client().send(Mqtt5Packets.disconnect(0x00, properties().sessionExpiryInterval(0)));
    }

    @Test
    void rejectedConnect_followedByPublish_publishNotProcessed() {
        // [MQTT-3.1.4-6] nothing after a refused CONNECT is processed
        RawMqttClient watcher = Mqtt5Flows.subscriber(broker, "c5-rej-watch", "c5/rejected", 0);
        byte[] refused = Mqtt5Packets.connect("c5-rej").protocol("MQTT", 6).build();
        RawMqttClient rejected = broker.raw().send(Hex.concat(refused, Packets.publish("c5/rejected", "no")));
        rejected.expectPacket("20 02 00 01");
        rejected.expectClosed();
        Mqtt5Flows.connected(broker, "c5-rej-pub").send(Mqtt5Packets.publish("c5/rejected", "marker"));
        Mqtt5Flows.expectPublish(watcher, "c5/rejected", "marker", 0);
    }

    @ParameterizedTest
    @ValueSource(ints = {Mqtt5Properties.SESSION_EXPIRY_INTERVAL, Mqtt5Properties.RECEIVE_MAXIMUM,
            Mqtt5Properties.MAXIMUM_PACKET_SIZE, Mqtt5Properties.TOPIC_ALIAS_MAXIMUM,
            Mqtt5Properties.REQUEST_RESPONSE_INFORMATION, Mqtt5Properties.REQUEST_PROBLEM_INFORMATION})
    void connectProperties_duplicated_refusedAsProtocolError(int id) {
        // A property that may appear once, twice, is a Protocol Error [MQTT-3.1.4-1] [MQTT-4.13.1-1]
        byte[] value = switch (id) {
            case Mqtt5Properties.SESSION_EXPIRY_INTERVAL, Mqtt5Properties.MAXIMUM_PACKET_SIZE ->
                    new byte[] {0, 0, 1, 0};
            case Mqtt5Properties.RECEIVE_MAXIMUM, Mqtt5Properties.TOPIC_ALIAS_MAXIMUM -> new byte[] {0, 5};
            default -> new byte[] {1};
        };
        byte[] connect = Mqtt5Packets.connect("c5-dup").properties(properties().raw(id, value).raw(id, value)).build();
        closedOrRefusedWith(broker.raw().send(connect), 0x82);
    }

    @Test
    void willProperties_malformed_closed() {
        // [MQTT-3.1.2-9] [MQTT-3.1.4-1] a will property block that is not well formed: a CONNACK-only property
        byte[] connect = Mqtt5Packets.connect("c5-wprop").will("c5/wprop", WILL, 0, Retain.NO)
                .willProperties(properties().raw(Mqtt5Properties.SERVER_KEEP_ALIVE, new byte[] {0, 1})).build();
        closedOrRefusedWith(broker.raw().send(connect), 0x81);
    }

    @Test
    void connectProperties_invalidValues_closed() {
        // [MQTT-3.1.4-1] receive maximum 0 and maximum packet size 0 are Protocol Errors (3.1.2.11.3, 3.1.2.11.4)
        closedOrRefusedWith(broker.raw().send(Mqtt5Packets.connect("c5-rm0").properties(properties()
                .receiveMaximum(0)).build()), 0x82);
        closedOrRefusedWith(broker.raw().send(Mqtt5Packets.connect("c5-mps0").properties(properties()
                .maximumPacketSize(0)).build()), 0x82);
    }

    @Test
    void willTopic_withWildcard_refused() {
        // [MQTT-3.1.2-9] [MQTT-3.1.4-1] the Will Topic is a topic name: no wildcards
        RawMqttClient client = broker.raw().send(Mqtt5Packets.connect("c5-wwild").will("c5/+", WILL, 0, Retain.NO)
                .build());
        byte[] reply;
        try {
            reply = client.readPacket();
        } catch (AssertionError closedWithoutReply) {
            client.expectClosed();
            return;
        }
        ReceivedMqtt5Packet connack = ReceivedMqtt5Packet.parse(reply).expectType(ReceivedMqtt5Packet.CONNACK);
        assertThat(connack.reasonCode()).as(Hex.format(reply)).isGreaterThanOrEqualTo(0x80);
        client.expectClosed();
    }
}
