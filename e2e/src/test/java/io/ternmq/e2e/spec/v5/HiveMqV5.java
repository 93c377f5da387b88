package io.ternmq.e2e.spec.v5;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient.Mqtt5Publishes;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Mqtt5Clients;

import java.nio.charset.StandardCharsets;

/** HiveMQ MQTT 5 clients for the subscription tests, closed after each test. */
final class HiveMqV5 {

    private HiveMqV5() {
    }

    static Mqtt5BlockingClient connected(BrokerExtension broker, String identifier) {
        return Mqtt5Clients.hivemqConnected(broker, identifier);
    }

    static Mqtt5Publishes publishes(BrokerExtension broker, Mqtt5BlockingClient client) {
        return Mqtt5Clients.publishes(broker, client);
    }

    static Mqtt5Publish receive(Mqtt5Publishes publishes) throws InterruptedException {
        return Mqtt5Clients.receive(publishes);
    }

    static String text(Mqtt5Publish publish) {
        return new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
    }

    static void publish(Mqtt5BlockingClient client, String topic, String payload, MqttQos qos, boolean retain) {
        client.publishWith().topic(topic).payload(payload.getBytes(StandardCharsets.UTF_8)).qos(qos).retain(retain)
                .send();
    }
}
