package io.ternmq.server.config;

/**
 * The {@code mqtt} section: what the broker announces to MQTT 5 clients and enforces for them, beyond the
 * {@code limits}.
 *
 * @param outboundTopicAliases {@code lru} or {@code none}
 */
public record MqttConfig(int receiveMaximum, int topicAliasMaximum, String outboundTopicAliases) {
}
