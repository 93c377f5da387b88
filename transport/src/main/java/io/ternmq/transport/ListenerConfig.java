package io.ternmq.transport;

/**
 * One address the broker listens on. Only plain TCP exists today; TLS and WebSocket listeners will add their own
 * pipeline initializer, chosen per listener in {@link MqttServer}.
 *
 * @param name a short unique label used in logs and to look the bound address up (e.g. "tcp")
 * @param bind the host or address to bind, e.g. "0.0.0.0"
 * @param port the TCP port; 0 lets the operating system pick a free one
 */
public record ListenerConfig(String name, String bind, int port) {

    public ListenerConfig {
        if (name.isBlank()) {
            throw new IllegalArgumentException("listener name must not be blank");
        }
        if (bind.isBlank()) {
            throw new IllegalArgumentException("bind address of listener '" + name + "' must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port of listener '" + name + "' must be 0..65535, was " + port);
        }
    }
}
