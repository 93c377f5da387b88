package io.ternmq.transport;

/** What a listener speaks on top of TCP: MQTT directly or inside WebSocket, each in the clear or over TLS. */
public enum ListenerKind {
    TCP(Security.PLAIN, Framing.STREAM),
    TLS(Security.TLS, Framing.STREAM),
    WS(Security.PLAIN, Framing.WEBSOCKET),
    WSS(Security.TLS, Framing.WEBSOCKET);

    /** Whether the connection is encrypted. */
    public enum Security { PLAIN, TLS }

    /** How MQTT bytes are carried: as the TCP stream itself, or in binary WebSocket frames. */
    public enum Framing { STREAM, WEBSOCKET }

    private final Security security;
    private final Framing framing;

    ListenerKind(Security security, Framing framing) {
        this.security = security;
        this.framing = framing;
    }

    public Security security() {
        return security;
    }

    public Framing framing() {
        return framing;
    }
}
