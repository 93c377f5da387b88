package io.ternmq.e2e.spec.v5;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.PahoEvents;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.nio.charset.StandardCharsets;

/**
 * One connected Eclipse Paho v5 client (asynchronous API, clean start) whose messages are collected once per
 * PUBLISH by a client-wide callback ({@link PahoEvents}): Paho hands a message to every per-subscription listener
 * whose identifier it carries, which would hide whether the broker sent one copy or several.
 */
final class PahoV5 {

    private final MqttAsyncClient client;
    private final PahoEvents events = new PahoEvents();

    private PahoV5(MqttAsyncClient client) {
        this.client = client;
    }

    static PahoV5 connected(BrokerExtension broker, String clientId) throws MqttException {
        var client = new MqttAsyncClient("tcp://127.0.0.1:" + broker.port(), clientId, new MemoryPersistence());
        PahoV5 paho = new PahoV5(client);
        client.setCallback(paho.events);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        client.connect(options).waitForCompletion(BrokerExtension.WAIT.toMillis());
        broker.closeAfterTest(paho::close);
        return paho;
    }

    /** Subscribes with the identifier (0 = none), waiting for the SUBACK. */
    void subscribe(MqttSubscription subscription, int identifier) throws MqttException {
        MqttProperties properties = new MqttProperties();
        if (identifier > 0) {
            properties.setSubscriptionIdentifier(identifier);
        }
        client.subscribe(new MqttSubscription[] {subscription}, null, null, properties)
                .waitForCompletion(BrokerExtension.WAIT.toMillis());
    }

    void subscribe(String filter, int identifier) throws MqttException {
        subscribe(new MqttSubscription(filter, 1), identifier);
    }

    void publish(String topic, String payload) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false)
                .waitForCompletion(BrokerExtension.WAIT.toMillis());
    }

    void publishRetained(String topic, String payload) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, true)
                .waitForCompletion(BrokerExtension.WAIT.toMillis());
    }

    MqttMessage next() throws InterruptedException {
        return events.nextMessage().message();
    }

    static String text(MqttMessage message) {
        return new String(message.getPayload(), StandardCharsets.UTF_8);
    }

    private void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(BrokerExtension.WAIT.toMillis());
        }
        client.close();
    }
}
