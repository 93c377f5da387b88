package io.ternmq.e2e.spec.v5;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.spec.v5.V5Clients.Client;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Session expiry (3.1.2.11.2, 4.1): a session outlives its connection for its interval, and no longer. */
class SessionExpiryTest {

    @RegisterExtension
    final BrokerExtension broker = BrokerExtension.withDefaults();

    private Mqtt5ConnAck connect(Client client, boolean cleanStart, long sessionExpiry) {
        return client.client().connectWith().cleanStart(cleanStart).sessionExpiryInterval(sessionExpiry).send();
    }

    private void publishQos1(String topic, String payload) {
        try (Client publisher = V5Clients.client(broker, "publisher")) {
            publisher.client().connect();
            publisher.client().publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                    .payload(payload.getBytes(StandardCharsets.UTF_8)).send();
        }
    }

    @Test
    void sessionExpiry_reconnectWithinInterval_sessionResumedWithQueuedMessage() {
        // [MQTT-3.1.2-23] state kept after the connection closes; [MQTT-3.1.2-5] resumed; [MQTT-3.2.2-3] present;
        // [MQTT-4.1.0-1] and not dropped while the new connection lasts
        Client first = V5Clients.client(broker, "se-resume");
        assertThat(connect(first, true, 60).isSessionPresent()).isFalse();
        first.client().subscribeWith().topicFilter("se/resume").qos(MqttQos.AT_LEAST_ONCE).send();
        first.client().disconnect();
        publishQos1("se/resume", "while away");

        Client second = V5Clients.client(broker, "se-resume");
        assertThat(connect(second, false, 60).isSessionPresent()).isTrue();
        assertThat(new String(second.receive().getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("while away");
    }

    @Test
    void sessionExpiry_intervalPassed_sessionDiscarded() {
        // [MQTT-4.1.0-2] the server drops the session once its interval has passed after the disconnect
        Client first = V5Clients.client(broker, "se-expire");
        connect(first, true, 1);
        first.client().subscribeWith().topicFilter("se/expire").qos(MqttQos.AT_LEAST_ONCE).send();
        first.client().disconnect();

        await().atMost(BrokerExtension.WAIT).until(() -> broker.stats().expiredSessions() == 1);

        Client second = V5Clients.client(broker, "se-expire");
        assertThat(connect(second, false, 60).isSessionPresent()).isFalse(); // [MQTT-3.2.2-3]
    }

    @Test
    void sessionExpiry_disconnectSetsZero_sessionEndsWithTheConnection() {
        // 3.14.2.2.2 the DISCONNECT may change the interval; 0 ends the session now
        Client first = V5Clients.client(broker, "se-zero");
        connect(first, true, 3600);
        first.client().disconnectWith().sessionExpiryInterval(0).send();

        Client second = V5Clients.client(broker, "se-zero");
        assertThat(connect(second, false, 60).isSessionPresent()).isFalse();
    }

    @Test
    void sessionExpiry_disconnectShortensInterval_expiresAfterTheNewOne() {
        // 3.14.2.2.2
        Client first = V5Clients.client(broker, "se-shorter");
        connect(first, true, 3600);
        first.client().disconnectWith().sessionExpiryInterval(1).send();

        await().atMost(BrokerExtension.WAIT).until(() -> broker.stats().expiredSessions() == 1);
        Client second = V5Clients.client(broker, "se-shorter");
        assertThat(connect(second, false, 60).isSessionPresent()).isFalse();
    }

    @Test
    void sessionExpiry_cleanStart_discardsExistingSession() {
        // [MQTT-3.1.2-4] [MQTT-3.2.2-2]
        Client first = V5Clients.client(broker, "se-clean");
        connect(first, true, 3600);
        first.client().disconnect();

        Client second = V5Clients.client(broker, "se-clean");
        assertThat(connect(second, true, 3600).isSessionPresent()).isFalse();
    }

    @Test
    void sessionExpiry_pahoWithoutInterval_sessionEndsWithConnection() throws Exception {
        // 3.1.2.11.2 an absent Session Expiry Interval is 0: nothing outlives the connection
        var client = V5Clients.paho(broker, "se-paho-absent");
        var options = new MqttConnectionOptions();
        options.setCleanStart(false);
        client.connect(options);
        client.subscribe("se/paho", 1);
        client.disconnect();

        options.setSessionExpiryInterval(60L);
        assertThat(client.connectWithResult(options).getSessionPresent()).isFalse(); // [MQTT-3.2.2-3]
        client.disconnect();
    }

    @Test
    void sessionExpiry_pahoWithinInterval_sessionPresent() throws Exception {
        // [MQTT-3.1.2-23] [MQTT-3.2.2-3]
        var client = V5Clients.paho(broker, "se-paho-kept");
        var options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(300L);
        client.connect(options);
        client.disconnect();

        assertThat(client.connectWithResult(options).getSessionPresent()).isTrue();
        client.disconnect();
    }
}
