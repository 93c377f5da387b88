package io.ternmq.core;

import io.ternmq.protocol.MalformedPacketException;
import io.ternmq.protocol.MqttPacket;

/**
 * The broker's side of one network connection, created by {@link BrokerCore#accept(ClientChannel)}. The transport
 * calls these methods from the connection's IO thread, in the order things happened; they hand work to the
 * session's owner thread and return at once.
 */
public interface MqttConnection {

    /** A decoded packet arrived. */
    void onPacket(MqttPacket packet);

    /** The input could not be decoded; the transport reads nothing more from this connection. */
    void onMalformedPacket(MalformedPacketException error);

    /** Nothing arrived within the keep-alive timeout armed through {@link ClientChannel#keepAliveTimeout}. */
    void onKeepAliveTimeout();

    /**
     * The connection's outbound buffer rose above the high water mark set through
     * {@link ClientChannel#outboundHighWaterMark} ({@link ClientChannel.WriteState#CONGESTED}) or drained below
     * the low one ({@link ClientChannel.WriteState#WRITABLE}): the client reads slower than it is sent to.
     */
    default void onWritabilityChanged(ClientChannel.WriteState state) {
    }

    /**
     * The transport moved the connection to another IO thread to even out their loads, and calls it from there
     * from now on: its session may follow it ({@link SessionMove}).
     */
    default void onMovedByBalancing() {
    }

    /** The connection is gone (closed by either side or failed). Called exactly once, last. */
    void onChannelClosed();
}
