package io.ternmq.transport;

/** Names of the handlers in a connection's pipeline, in pipeline order (head first). */
public final class HandlerNames {

    /** Only while the IO loops are balanced (more than one). */
    public static final String LOAD_METER = "loadMeter";
    /** tls and wss listeners only. */
    public static final String TLS = "tls";
    /** Present until the TLS handshake completes. */
    public static final String TLS_IDENTITY = "tlsIdentity";
    /** ws and wss listeners only: the HTTP upgrade, then WebSocket framing. */
    public static final String HTTP_CODEC = "httpCodec";
    public static final String HTTP_AGGREGATOR = "httpAggregator";
    public static final String WEBSOCKET_PROTOCOL = "webSocketProtocol";
    public static final String WEBSOCKET_UNWRAPPER = "webSocketUnwrapper";
    public static final String WEBSOCKET_WRAPPER = "webSocketWrapper";
    public static final String FLUSH_CONSOLIDATION = "flushConsolidation";
    public static final String DECODER = "decoder";
    public static final String ENCODER = "encoder";
    /** Present until CONNECT is decoded. */
    public static final String PENDING_CONNECT = "pendingConnect";
    public static final String CONNECT_TIMEOUT = "connectTimeout";
    /** Present only while keep-alive is armed and reading is not paused. */
    public static final String KEEP_ALIVE = "keepAlive";
    public static final String CONNECTION = "connection";

    private HandlerNames() {
    }
}
