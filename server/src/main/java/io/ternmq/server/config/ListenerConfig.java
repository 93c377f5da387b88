package io.ternmq.server.config;

/** The {@code listener} section: where the MQTT TCP listener accepts connections. */
public record ListenerConfig(String bind, int port) {
}
