package io.ternmq.core;

import io.ternmq.protocol.Publish;
import org.jspecify.annotations.Nullable;

/** The checks an MQTT 5 PUBLISH from a client passes before it is handled like any other. */
final class Mqtt5Publish {

    private Mqtt5Publish() {
    }

    /**
     * The message to handle, or null when the PUBLISH broke a rule and the connection was closed with its reason.
     */
    static @Nullable Publish inbound(Connection connection, Publish publish) {
        if (!publish.properties().subscriptionIdentifiers().isEmpty()) {
            // [MQTT-3.3.4-6] only the server puts subscription identifiers on a PUBLISH
            connection.violation("subscription identifier in a PUBLISH from a client");
            return null;
        }
        return connection.admit(publish);
    }
}
