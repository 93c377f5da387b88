package io.ternmq.core;

import io.ternmq.protocol.Connect;
import io.ternmq.protocol.ConnectProperties;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Will;
import org.jspecify.annotations.Nullable;

import java.util.List;

/** CONNECT packets and connected clients of MQTT 5 for core tests. */
final class Mqtt5Clients {

    private Mqtt5Clients() {
    }

    static Connect connect(String clientId, long sessionExpiry, @Nullable Will will) {
        var properties = new ConnectProperties(sessionExpiry, null, null, null, null, null, null, null, List.of());
        return new Connect(ProtocolVersion.MQTT_5, clientId, true, 0, null, null, will, properties);
    }

    /** A 5.0 client with Clean Start 1 and no session expiry, CONNACK consumed. */
    static TestClient connected(TestBroker broker, String clientId) {
        TestClient client = broker.client("10.0.5.1:" + clientId.hashCode());
        client.send(connect(clientId, 0, null));
        client.take();
        return client;
    }
}
