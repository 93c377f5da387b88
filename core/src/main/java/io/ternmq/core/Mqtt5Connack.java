package io.ternmq.core;

import io.ternmq.protocol.Connack;
import io.ternmq.protocol.ConnackProperties;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.Qos;
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
     * @param serverKeepAlive  the keep-alive the broker holds the client to when it is not the client's own, else
     *                         null
     * @param authentication   the outcome of enhanced authentication, null when the CONNECT named no method
     */
    static Connack accepted(Mqtt5Settings settings, Connect connect, boolean sessionPresent,
                            @Nullable String assignedClientId, @Nullable Integer serverKeepAlive,
                            @Nullable Authentication authentication) {
        var properties = new ConnackProperties(
                null, // session expiry interval: the client's own is kept
                settings.receiveMaximum() == DEFAULT_RECEIVE_MAXIMUM ? null : settings.receiveMaximum(),
                maximumQos(settings.connectPolicy()), // [MQTT-3.2.2-9] absent when every QoS is supported
                retainAvailable(settings.connectPolicy()), // absent when retained messages are supported
                (long) settings.maximumPacketSize(), // [MQTT-3.2.2-15] the client must not send bigger packets
                assignedClientId, // [MQTT-3.1.3-7] [MQTT-3.2.2-16]
                settings.topicAliasMaximum() == 0 ? null : settings.topicAliasMaximum(),
                null, // reason string
                List.of(),
                null, // wildcard subscriptions available
                Boolean.FALSE, // subscription identifiers: not yet
                Boolean.FALSE, // shared subscriptions: not yet
                serverKeepAlive, // [MQTT-3.1.2-21] [MQTT-3.2.2-21] absent: the client's own is used [MQTT-3.2.2-22]
                responseInformation(settings.connectPolicy(), connect), // [MQTT-3.1.2-28]
                null, // server reference
                authentication == null ? null : authentication.method(), // [MQTT-4.12.0-5] [MQTT-4.12.0-6]
                authentication == null ? null : authentication.serverData()); // the method's final data, if any
        return new Connack(sessionPresent, ReasonCode.SUCCESS, properties);
    }

    private static @Nullable Qos maximumQos(Mqtt5ConnectPolicy policy) {
        return policy.maximumQos() == Qos.EXACTLY_ONCE ? null : policy.maximumQos();
    }

    private static @Nullable Boolean retainAvailable(Mqtt5ConnectPolicy policy) {
        return policy.retain() == RetainSupport.AVAILABLE ? null : Boolean.FALSE;
    }

    /** Only to a client that asked for it (Request Response Information = 1), and only when configured. */
    private static @Nullable String responseInformation(Mqtt5ConnectPolicy policy, Connect connect) {
        return Boolean.TRUE.equals(connect.properties().requestResponseInformation())
                ? policy.responseInformation() : null;
    }

    /** The method an enhanced authentication used, and the last data its mechanism gave, for the CONNACK. */
    record Authentication(String method, byte @Nullable [] serverData) {
    }
}
