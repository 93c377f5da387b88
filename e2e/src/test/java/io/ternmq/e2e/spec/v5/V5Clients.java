package io.ternmq.e2e.spec.v5;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.exceptions.ConnectionClosedException;
import com.hivemq.client.mqtt.exceptions.MqttClientStateException;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.ternmq.e2e.BrokerExtension;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * HiveMQ MQTT 5 clients for the session-state tests: each with its stream of received PUBLISHes opened before it
 * connects, so that what a resumed session sends right after CONNACK is not missed.
 */
final class V5Clients {

    private V5Clients() {
    }

    /** A client and the PUBLISHes it receives. */
    record Client(Mqtt5BlockingClient client, Mqtt5BlockingClient.Mqtt5Publishes publishes) implements AutoCloseable {

        Mqtt5Publish receive() {
            try {
                Optional<Mqtt5Publish> received = publishes.receive(BrokerExtension.WAIT.toMillis(),
                        TimeUnit.MILLISECONDS);
                return received.orElseThrow(() -> new AssertionError("no PUBLISH within " + BrokerExtension.WAIT));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** The next PUBLISH already received, if any; does not wait. */
        Optional<Mqtt5Publish> receiveNow() {
            return publishes.receiveNow();
        }

        @Override
        public void close() {
            publishes.close();
            if (!client.getState().isConnected()) {
                return;
            }
            try {
                client.disconnect();
            } catch (ConnectionClosedException | MqttClientStateException closedMeanwhile) {
                // the broker closed it first: nothing left to clean up
            }
        }
    }

    /** A Paho v5 client not yet connected; closed (without DISCONNECT if still connected) after the test. */
    static org.eclipse.paho.mqttv5.client.MqttClient paho(BrokerExtension broker, String clientId) {
        try {
            var client = new org.eclipse.paho.mqttv5.client.MqttClient("tcp://127.0.0.1:" + broker.port(), clientId,
                    new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
            broker.closeAfterTest(() -> {
                if (client.isConnected()) {
                    client.disconnectForcibly(0, 0, false);
                }
                client.close();
            });
            return client;
        } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
            throw new AssertionError(e);
        }
    }

    /** A client not yet connected; closed after the test. */
    static Client client(BrokerExtension broker, String clientId) {
        Mqtt5BlockingClient client = MqttClient.builder().identifier(clientId).serverHost("127.0.0.1")
                .serverPort(broker.port()).useMqttVersion5().buildBlocking();
        return broker.closeAfterTest(new Client(client, client.publishes(MqttGlobalPublishFilter.ALL)));
    }
}
