package io.ternmq.transport;

import org.jspecify.annotations.Nullable;

/**
 * One address the broker listens on and what it speaks there.
 *
 * @param name      a short unique label used in logs, for authentication settings and to look the bound address
 *                  up (e.g. "tcp")
 * @param kind      tcp, tls, ws or wss
 * @param bind      the host or address to bind, e.g. "0.0.0.0"
 * @param port      the TCP port; 0 lets the operating system pick a free one
 * @param limits    connections held at once and accepted per second
 * @param anonymous whether clients without credentials may connect here (applied by authentication)
 * @param tls       certificates and client-certificate policy; present exactly for tls and wss
 */
public record ListenerConfig(String name, ListenerKind kind, String bind, int port, ConnectionLimits limits,
                             AnonymousAccess anonymous, @Nullable TlsConfig tls) {

    /** WebSocket listeners accept the upgrade on this path only. */
    public static final String WEBSOCKET_PATH = "/mqtt";

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
        if ((kind.security() == ListenerKind.Security.TLS) != (tls != null)) {
            throw new IllegalArgumentException("listener '" + name + "' of kind " + kind
                    + (tls == null ? " needs TLS settings" : " takes no TLS settings"));
        }
    }

    /** A plain TCP listener without limits that allows anonymous clients: what the broker ran before listeners. */
    public ListenerConfig(String name, String bind, int port) {
        this(name, ListenerKind.TCP, bind, port, ConnectionLimits.UNLIMITED, AnonymousAccess.ALLOWED, null);
    }

    public static ListenerConfig tcp(String name, String bind, int port) {
        return new ListenerConfig(name, bind, port);
    }

    public static ListenerConfig ws(String name, String bind, int port) {
        return new ListenerConfig(name, ListenerKind.WS, bind, port, ConnectionLimits.UNLIMITED,
                AnonymousAccess.ALLOWED, null);
    }

    public static ListenerConfig tls(String name, String bind, int port, TlsConfig tls) {
        return new ListenerConfig(name, ListenerKind.TLS, bind, port, ConnectionLimits.UNLIMITED,
                AnonymousAccess.ALLOWED, tls);
    }

    public static ListenerConfig wss(String name, String bind, int port, TlsConfig tls) {
        return new ListenerConfig(name, ListenerKind.WSS, bind, port, ConnectionLimits.UNLIMITED,
                AnonymousAccess.ALLOWED, tls);
    }

    public ListenerConfig withLimits(ConnectionLimits newLimits) {
        return new ListenerConfig(name, kind, bind, port, newLimits, anonymous, tls);
    }

    public ListenerConfig withAnonymous(AnonymousAccess access) {
        return new ListenerConfig(name, kind, bind, port, limits, access, tls);
    }

    public ListenerConfig withPort(int newPort) {
        return new ListenerConfig(name, kind, bind, newPort, limits, anonymous, tls);
    }
}
