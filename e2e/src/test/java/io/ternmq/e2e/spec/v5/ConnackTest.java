package io.ternmq.e2e.spec.v5;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Mqtt5Clients;
import io.ternmq.e2e.Mqtt5Flows;
import io.ternmq.testkit.CleanStart;
import io.ternmq.testkit.Mqtt5ConnectBuilder;
import io.ternmq.testkit.Mqtt5Packets;
import io.ternmq.testkit.Mqtt5Properties;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.ReceivedMqtt5Packet;
import io.ternmq.testkit.SessionPresent;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.ternmq.testkit.Mqtt5Properties.properties;
import static org.assertj.core.api.Assertions.assertThat;

/** The CONNACK of an accepted 5.0 connection (section 3.2) with the broker's default settings. */
class ConnackTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.withDefaults();

    private static ReceivedMqtt5Packet connack(Mqtt5ConnectBuilder connect) {
        Mqtt5Flows.ConnectResult result = Mqtt5Flows.connect(broker, connect);
        assertThat(result.connack().reasonCode()).as("%s", result.connack()).isZero();
        return result.connack();
    }

    private static Mqtt5ConnectBuilder persistent(String clientId) {
        return Mqtt5Packets.connect(clientId).cleanStart(CleanStart.NO)
                .properties(properties().sessionExpiryInterval(60));
    }

    @Test
    void connack_defaults_exactBytes() {
        // [MQTT-3.1.4-5] reason code 0x00; [MQTT-3.2.2-1] flags bits 7-1 zero; [MQTT-3.2.2-2] clean start:
        // session present 0; [MQTT-3.2.2-8] a defined code. The properties are the broker's announcements: the
        // largest packet it accepts, and what it does not support yet. (This changes as features are announced.)
        broker.raw().send(Mqtt5Packets.connect("ca-bytes").build()).expectPacket(
                "20 0f 00 00"                          // CONNACK, session present 0, success
                        + " 0c"                        // property length 12
                        + " 22 00 0a"                  // topic alias maximum 10
                        + " 27 10 00 00 04"            // maximum packet size 268435460
                        + " 29 00"                     // subscription identifiers not available
                        + " 2a 00");                   // shared subscriptions not available
    }

    @Test
    void connack_defaults_everyQosAndRetainSupportedNoExtras() {
        // [MQTT-3.2.2-9] Maximum QoS is absent: QoS 2 is supported; Retain Available absent: retained messages are
        // supported; [MQTT-3.2.2-22] no Server Keep Alive: the client's keep-alive stands; [MQTT-3.1.2-28] no
        // Response Information without a request; no Assigned Client Identifier for a client with its own id
        ReceivedMqtt5Packet connack = connack(Mqtt5Packets.connect("ca-plain"));
        assertThat(connack.properties().ids()).doesNotContain(Mqtt5Properties.MAXIMUM_QOS,
                Mqtt5Properties.RETAIN_AVAILABLE, Mqtt5Properties.SERVER_KEEP_ALIVE,
                Mqtt5Properties.RESPONSE_INFORMATION, Mqtt5Properties.ASSIGNED_CLIENT_IDENTIFIER,
                Mqtt5Properties.SERVER_REFERENCE, Mqtt5Properties.REASON_STRING);
    }

    @Test
    void requestResponseInformation_nothingConfigured_noResponseInformation() {
        // [MQTT-3.1.2-28] Request Response Information 0: none; and 1 gets none either while none is configured
        assertThat(connack(Mqtt5Packets.connect("ca-rri0").properties(properties().requestResponseInformation(0)))
                .properties().has(Mqtt5Properties.RESPONSE_INFORMATION)).isFalse();
        assertThat(connack(Mqtt5Packets.connect("ca-rri1").properties(properties().requestResponseInformation(1)))
                .properties().has(Mqtt5Properties.RESPONSE_INFORMATION)).isFalse();
    }

    @Test
    void emptyClientId_assignedUniqueIdentifierInConnack() {
        // [MQTT-3.1.3-6] a unique id is assigned; [MQTT-3.1.3-7] [MQTT-3.2.2-16] returned as Assigned Client
        // Identifier, not used by any other session
        String first = connack(Mqtt5Packets.connect("")).properties().get(Mqtt5Properties.ASSIGNED_CLIENT_IDENTIFIER)
                .text();
        String second = connack(Mqtt5Packets.connect("")).properties()
                .get(Mqtt5Properties.ASSIGNED_CLIENT_IDENTIFIER).text();
        assertThat(first).isNotEmpty().isNotEqualTo(second);
    }

    @Test
    void emptyClientId_cleanStart0_sessionKeptUnderTheAssignedId() {
        // [MQTT-3.1.3-7] the CONNECT is handled under the assigned id: a later CONNECT with that id resumes the
        // session; [MQTT-3.1.3-2] session state is keyed on the client id
        Mqtt5Flows.ConnectResult first = Mqtt5Flows.connect(broker, Mqtt5Packets.connect("").cleanStart(CleanStart.NO)
                .properties(properties().sessionExpiryInterval(60)));
        String assigned = first.connack().properties().get(Mqtt5Properties.ASSIGNED_CLIENT_IDENTIFIER).text();
        Mqtt5Flows.subscribe(first.client(), 1, "ca/assigned", 1);
        first.client().send(Mqtt5Packets.disconnect());
        first.client().expectClosed();

        Mqtt5Flows.ConnectResult again = Mqtt5Flows.connect(broker, persistent(assigned));
        assertThat(again.connack().sessionPresent()).isEqualTo(SessionPresent.YES);
        assertThat(again.connack().properties().has(Mqtt5Properties.ASSIGNED_CLIENT_IDENTIFIER)).isFalse();
        Mqtt5Flows.publishQos1(Mqtt5Flows.connected(broker, "ca-assigned-pub"), "ca/assigned", properties(), "m", 1);
        Mqtt5Flows.acknowledge(again.client(), Mqtt5Flows.expectPublish(again.client(), "ca/assigned", "m", 1));
        again.client().send(Mqtt5Packets.disconnect(0x00, properties().sessionExpiryInterval(0)));
    }

    @Test
    void sessionPresent_followsCleanStartAndStoredSession() {
        // [MQTT-3.2.2-3] Clean Start 0: 0 without a stored session, then 1; [MQTT-3.2.2-2] Clean Start 1: 0
        assertThat(connack(persistent("ca-present")).sessionPresent()).isEqualTo(SessionPresent.NO);
        assertThat(connack(persistent("ca-present")).sessionPresent()).isEqualTo(SessionPresent.YES);
        ReceivedMqtt5Packet clean = connack(Mqtt5Packets.connect("ca-present"));
        assertThat(clean.sessionPresent()).isEqualTo(SessionPresent.NO);
        assertThat(clean.connackFlags()).isZero(); // [MQTT-3.2.2-1]
    }

    @Test
    void secondConnect_noSecondConnack() {
        // [MQTT-3.2.0-2] one CONNACK per connection: a second CONNECT gets DISCONNECT 0x82, not a CONNACK
        RawMqttClient client = Mqtt5Flows.connected(broker, "ca-once");
        client.send(Mqtt5Packets.connect("ca-once").build()).expectPacket("e0 01 82");
        client.expectClosed();
    }

    @Test
    void connack_beforeAnythingElse_evenWithPacketsSentAhead() {
        // [MQTT-3.2.0-1] the CONNACK is the first packet the broker sends, whatever the client pipelined
        RawMqttClient client = broker.raw().send(io.ternmq.testkit.Hex.concat(Mqtt5Packets.connect("ca-first").build(),
                Mqtt5Packets.subscribe(1, "ca/first", 0), io.ternmq.testkit.Packets.pingreq()));
        assertThat(client.readMqtt5Packet().type()).isEqualTo(ReceivedMqtt5Packet.CONNACK);
        client.expectPacket("90 04 00 01 00 00").expectPacket("d0 00");
    }

    @Test
    void hivemq_connack_announcedLimitsAndAssignedIdentifier() {
        // [MQTT-3.2.2-9] [MQTT-3.2.2-16] as a client library reads the CONNACK
        Mqtt5BlockingClient client = Mqtt5Clients.hivemq(broker, "");
        Mqtt5ConnAck connAck = client.connect();
        assertThat(connAck.getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.SUCCESS);
        assertThat(connAck.getAssignedClientIdentifier()).hasValueSatisfying(id -> assertThat(id.toString())
                .isNotEmpty());
        assertThat(connAck.getRestrictions().getMaximumQos()).isEqualTo(MqttQos.EXACTLY_ONCE);
        assertThat(connAck.getRestrictions().isRetainAvailable()).isTrue();
        assertThat(connAck.getRestrictions().getMaximumPacketSize()).isEqualTo(268_435_460);
        assertThat(connAck.getServerKeepAlive()).isEmpty();
        assertThat(connAck.getResponseInformation()).isEmpty();
    }

    @Test
    void paho_connack_sessionPresentAndNoServerKeepAlive() throws Exception {
        // [MQTT-3.2.2-3] [MQTT-3.2.2-22] as Paho v5 reads it
        MqttClient client = Mqtt5Clients.paho(broker, "ca-paho");
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(60L);
        IMqttToken first = client.connectWithResult(options);
        assertThat(first.getSessionPresent()).isFalse();
        assertThat(first.getResponseProperties().getServerKeepAlive()).isNull();
        client.disconnect();
        IMqttToken second = client.connectWithResult(options);
        assertThat(second.getSessionPresent()).isTrue();
    }
}
