package io.ternmq.core;

import io.ternmq.protocol.Connack;
import io.ternmq.protocol.ConnackProperties;
import io.ternmq.protocol.ReasonCode;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * The CONNACK that accepts an MQTT 5 client: what this broker supports and limits, as CONNACK properties. A
 * property left null is absent, and the client then assumes the spec's default, which is what the broker does
 * when it needs no other value (e.g. maximum QoS 2, retain available).
 */
final class Mqtt5Connack {

    private static final int DEFAULT_RECEIVE_MAXIMUM = 65_535;

    private Mqtt5Connack() {
    }

    /**
     * @param assignedClientId the identifier the broker chose for a client that sent an empty one, else null
     */
    static Connack accepted(Mqtt5Settings settings, boolean sessionPresent, @Nullable String assignedClientId) {
        var properties = new ConnackProperties(
                null, // session expiry interval: the client's own is kept
                settings.receiveMaximum() == DEFAULT_RECEIVE_MAXIMUM ? null : settings.receiveMaximum(),
                null, // maximum QoS: every QoS is supported
                null, // retain available
                (long) settings.maximumPacketSize(), // [MQTT-3.2.2-15] the client must not send bigger packets
                assignedClientId, // [MQTT-3.1.3-7] [MQTT-3.2.2-16]
                settings.topicAliasMaximum() == 0 ? null : settings.topicAliasMaximum(),
                null, // reason string
                List.of(),
                null, // wildcard subscriptions available
                Boolean.FALSE, // subscription identifiers: not yet
                Boolean.FALSE, // shared subscriptions: not yet
                null, // server keep alive: the client's own is used
                null, // response information
                null, // server reference
                null, // authentication method
                null); // authentication data
        return new Connack(sessionPresent, ReasonCode.SUCCESS, properties);
    }
}
