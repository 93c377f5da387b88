package io.ternmq.e2e.spec.v5;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.exceptions.ConnectionClosedException;
import com.hivemq.client.mqtt.exceptions.MqttClientStateException;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient.Mqtt5Publishes;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.ternmq.e2e.BrokerExtension;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** HiveMQ MQTT 5 clients for the subscription tests, closed after each test. */
final class HiveMqV5 {

    private HiveMqV5() {
    }

    static Mqtt5BlockingClient connected(BrokerExtension broker, String identifier) {
        Mqtt5BlockingClient client = Mqtt5Client.builder().identifier(identifier).serverHost("127.0.0.1")
                .serverPort(broker.port()).buildBlocking();
        client.connect();
        broker.closeAfterTest(() -> disconnectIfConnected(client));
        return client;
    }

    static Mqtt5Publishes publishes(BrokerExtension broker, Mqtt5BlockingClient client) {
        return broker.closeAfterTest(client.publishes(MqttGlobalPublishFilter.ALL));
    }

    static Mqtt5Publish receive(Mqtt5Publishes publishes) throws InterruptedException {
        return publishes.receive(BrokerExtension.WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .orElseThrow(() -> new AssertionError("no message within " + BrokerExtension.WAIT));
    }

    static String text(Mqtt5Publish publish) {
        return new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
    }

    static void publish(Mqtt5BlockingClient client, String topic, String payload, MqttQos qos, boolean retain) {
        client.publishWith().topic(topic).payload(payload.getBytes(StandardCharsets.UTF_8)).qos(qos).retain(retain)
                .send();
    }

    private static void disconnectIfConnected(Mqtt5BlockingClient client) {
        if (!client.getState().isConnected()) {
            return;
        }
        try {
            client.disconnect();
        } catch (ConnectionClosedException | MqttClientStateException closedMeanwhile) {
            // already closed by the broker
        }
    }
}
