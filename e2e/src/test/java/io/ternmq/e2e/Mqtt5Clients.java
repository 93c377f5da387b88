package io.ternmq.e2e;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient.Mqtt5Publishes;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import org.eclipse.paho.mqttv5.client.MqttClientPersistence;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

import java.util.concurrent.TimeUnit;

/** MQTT 5.0 library clients (HiveMQ, Eclipse Paho v5) for a test broker, closed after each test. */
public final class Mqtt5Clients {

    private Mqtt5Clients() {
    }

    /** A HiveMQ MQTT 5 blocking client, not yet connected; disconnected after the test if still connected. */
    public static Mqtt5BlockingClient hivemq(BrokerExtension broker, String identifier) {
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier(identifier)
                .serverHost("127.0.0.1").serverPort(broker.port()).buildBlocking();
        broker.closeAfterTest(() -> HiveMqClients.disconnectIfConnected(client));
        return client;
    }

    /** A HiveMQ MQTT 5 client connected with Clean Start = 1. */
    public static Mqtt5BlockingClient hivemqConnected(BrokerExtension broker, String identifier) {
        Mqtt5BlockingClient client = hivemq(broker, identifier);
        client.connect();
        return client;
    }

    /** The messages a HiveMQ client receives, closed after the test. */
    public static Mqtt5Publishes publishes(BrokerExtension broker, Mqtt5BlockingClient client) {
        return broker.closeAfterTest(client.publishes(MqttGlobalPublishFilter.ALL));
    }

    public static Mqtt5Publish receive(Mqtt5Publishes publishes) throws InterruptedException {
        return publishes.receive(BrokerExtension.WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .orElseThrow(() -> new AssertionError("no message within " + BrokerExtension.WAIT));
    }

    /** An Eclipse Paho v5 synchronous client, not yet connected; closed after the test. */
    public static org.eclipse.paho.mqttv5.client.MqttClient paho(BrokerExtension broker, String identifier)
            throws MqttException {
        MqttClientPersistence persistence = new MemoryPersistence();
        var client = new org.eclipse.paho.mqttv5.client.MqttClient("tcp://127.0.0.1:" + broker.port(), identifier,
                persistence);
        client.setTimeToWait(BrokerExtension.WAIT.toMillis());
        broker.closeAfterTest(() -> {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1000, false);
            }
            client.close(true);
        });
        return client;
    }

    /** An Eclipse Paho v5 synchronous client connected with default options; closed after the test. */
    public static org.eclipse.paho.mqttv5.client.MqttClient pahoConnected(BrokerExtension broker, String identifier)
            throws MqttException {
        var client = paho(broker, identifier);
        client.connect();
        return client;
    }
}
