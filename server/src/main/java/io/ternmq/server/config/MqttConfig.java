package io.ternmq.server.config;

/**
 * The {@code mqtt} section: which optional protocol features the broker offers (MQTT 5 clients are told in CONNACK).
 */
public record MqttConfig(boolean sharedSubscriptions, boolean subscriptionIdentifiers,
                         boolean wildcardSubscriptions) {
}
