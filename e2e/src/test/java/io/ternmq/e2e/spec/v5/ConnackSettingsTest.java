package io.ternmq.e2e.spec.v5;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Mqtt5Clients;
import io.ternmq.e2e.Mqtt5Flows;
import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Mqtt5Packets;
import io.ternmq.testkit.Mqtt5Properties;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.ReceivedMqtt5Packet;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.ternmq.testkit.Mqtt5Properties.properties;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CONNACK properties that follow the broker's configuration: a keep-alive maximum (Server Keep Alive, 3.2.2.3.14)
 * and Response Information (3.2.2.3.15). Here the maximum is 1 s and the information "responses/".
 */
class ConnackSettingsTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.with(b -> b.maxKeepAlive(1)
            .responseInformation("responses/"));

    private static ReceivedMqtt5Packet connack(RawMqttClient client) {
        ReceivedMqtt5Packet connack = client.readMqtt5Packet().expectType(ReceivedMqtt5Packet.CONNACK);
        assertThat(connack.reasonCode()).as("%s", connack).isZero();
        return connack;
    }

    @ParameterizedTest
    @CsvSource({"60, 1", "0, 1", "2, 1"})
    void keepAlive_longerOrNone_serverKeepAliveIsTheMaximum(int requested, int announced) {
        // [MQTT-3.1.2-21] [MQTT-3.2.2-21] the client is told the keep-alive it must use
        RawMqttClient client = broker.raw().send(Mqtt5Packets.connect("cs-ka-" + requested).keepAlive(requested)
                .build());
        assertThat(connack(client).properties().get(Mqtt5Properties.SERVER_KEEP_ALIVE).number()).isEqualTo(announced);
    }

    @Test
    void keepAlive_withinMaximum_noServerKeepAlive() {
        // [MQTT-3.2.2-22] the client's own keep-alive stands
        RawMqttClient client = broker.raw().send(Mqtt5Packets.connect("cs-ka-own").keepAlive(1).build());
        assertThat(connack(client).properties().has(Mqtt5Properties.SERVER_KEEP_ALIVE)).isFalse();
    }

    @Test
    void keepAlive_serverValue_isEnforced() {
        // [MQTT-3.1.2-22] held to the Server Keep Alive (1 s) although it asked for an hour: DISCONNECT 0x8D after
        // one and a half periods of silence, then the close
        RawMqttClient client = broker.raw().send(Mqtt5Packets.connect("cs-ka-enforced").keepAlive(3600).build());
        connack(client);
        client.expectPacket("e0 01 8d");
        client.expectClosed();
    }

    @Test
    void keepAlive_v311Client_keepsItsOwn() {
        // 3.1.1 has no Server Keep Alive: its CONNACK is the plain one and its keep-alive is not capped
        broker.raw().send(Packets.connect("cs-ka-311", CleanSession.YES, 60)).expectPacket("20 02 00 00");
    }

    @Test
    void responseInformation_requested_exactBytesInConnack() {
        // [MQTT-3.1.2-28] sent only on request: Request Response Information 1 gets "responses/"
        broker.raw().send(Mqtt5Packets.connect("cs-ri").keepAlive(1)
                        .properties(properties().requestResponseInformation(1)).build())
                .expectPacket("20 1c 00 00"            // CONNACK, remaining length 28, success
                        + " 19"                        // property length 25
                        + " 1a 00 0a 72 65 73 70 6f 6e 73 65 73 2f" // response information "responses/"
                        + " 22 00 0a"                  // topic alias maximum 10
                        + " 27 10 00 00 04"            // maximum packet size
                        + " 29 00 2a 00");             // subscription identifiers, shared subscriptions: not yet
    }

    @Test
    void responseInformation_notRequested_absent() {
        // [MQTT-3.1.2-28]
        RawMqttClient zero = broker.raw().send(Mqtt5Packets.connect("cs-ri0").keepAlive(1)
                .properties(properties().requestResponseInformation(0)).build());
        assertThat(connack(zero).properties().has(Mqtt5Properties.RESPONSE_INFORMATION)).isFalse();
        RawMqttClient absent = broker.raw().send(Mqtt5Packets.connect("cs-ri-none").keepAlive(1).build());
        assertThat(connack(absent).properties().has(Mqtt5Properties.RESPONSE_INFORMATION)).isFalse();
    }

    @Test
    void hivemq_serverKeepAlive_reportedByTheClient() {
        // [MQTT-3.2.2-21] the library adopts the announced value
        Mqtt5BlockingClient client = Mqtt5Clients.hivemq(broker, "cs-h");
        Mqtt5ConnAck connAck = client.connectWith().keepAlive(600).send();
        assertThat(connAck.getServerKeepAlive()).hasValue(1);
    }

    @Test
    void paho_responseInformation_requested() throws Exception {
        // [MQTT-3.1.2-28] request/response setup as Paho v5 does it
        MqttClient client = Mqtt5Clients.paho(broker, "cs-p");
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setRequestResponseInfo(true);
        options.setKeepAliveInterval(1);
        IMqttToken token = client.connectWithResult(options);
        assertThat(token.getResponseProperties().getResponseInfo()).isEqualTo("responses/");
    }

    @Test
    void paho_keepsItsOwnLongKeepAlive_disconnectedWith0x8D() throws Exception {
        // [MQTT-3.1.2-22] the broker holds a client to the announced Server Keep Alive (1 s): Paho 1.2.5 keeps
        // pinging at its own 60 s, so it is dropped with DISCONNECT 0x8D Keep Alive timeout
        MqttClient client = Mqtt5Clients.paho(broker, "cs-p-ka");
        var events = new io.ternmq.e2e.PahoEvents();
        client.setCallback(events);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setKeepAliveInterval(60);
        client.connect(options);
        assertThat(events.nextDisconnect().getReturnCode()).isEqualTo(0x8D);
    }
}
