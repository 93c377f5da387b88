package io.ternmq.transport;

/** Names of the handlers in a connection's pipeline, in pipeline order (head first). */
public final class HandlerNames {

    public static final String FLUSH_CONSOLIDATION = "flushConsolidation";
    public static final String DECODER = "decoder";
    public static final String ENCODER = "encoder";
    public static final String CONNECT_TIMEOUT = "connectTimeout";
    /** Present only while keep-alive is armed and reading is not paused. */
    public static final String KEEP_ALIVE = "keepAlive";
    public static final String CONNECTION = "connection";

    private HandlerNames() {
    }
}
