package io.ternmq.e2e;

import com.hivemq.client.mqtt.exceptions.ConnectionClosedException;
import com.hivemq.client.mqtt.exceptions.MqttClientStateException;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;

/** Test clean-up for HiveMQ clients. */
public final class HiveMqClients {

    private HiveMqClients() {
    }

    /**
     * Disconnects a client that is still connected. The broker may close the connection between the state check
     * and the DISCONNECT (a takeover, a kick, a test that ends the session): that is not a failure of the test.
     */
    public static void disconnectIfConnected(Mqtt3BlockingClient client) {
        if (!client.getState().isConnected()) {
            return;
        }
        try {
            client.disconnect();
        } catch (ConnectionClosedException | MqttClientStateException closedMeanwhile) {
            // already closed by the broker: nothing left to clean up
        }
    }

    /** The same for an MQTT 5 client. */
    public static void disconnectIfConnected(Mqtt5BlockingClient client) {
        if (!client.getState().isConnected()) {
            return;
        }
        try {
            client.disconnect();
        } catch (ConnectionClosedException | MqttClientStateException closedMeanwhile) {
            // already closed by the broker: nothing left to clean up
        }
    }
}
