package io.ternmq.core;

import io.ternmq.protocol.MqttPacket;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * The broker's view of one network connection, implemented by the transport. Every method may be called from
 * any thread and never blocks.
 */
public interface ClientChannel {

    /** Queues the packet for writing and flushing. Packets sent from one thread go out in the order sent. */
    void send(MqttPacket packet);

    /** Closes the connection once the packets already sent have been written. Idempotent. */
    void close();

    /**
     * Arms keep-alive detection: when nothing has been received for {@code timeout}, the transport calls
     * {@link MqttConnection#onKeepAliveTimeout()}. {@link Duration#ZERO} disarms it.
     */
    void keepAliveTimeout(Duration timeout);

    /** Stops or resumes reading from the socket: the back-pressure lever for publishers. */
    void readPaused(ReadState state);

    /**
     * Bytes of outbound packets the channel may buffer before it reports {@link WriteState#CONGESTED} through
     * {@link MqttConnection#onWritabilityChanged}; it reports {@link WriteState#WRITABLE} once half of that is left.
     */
    default void outboundHighWaterMark(int bytes) {
    }

    /** Fixes the kernel send buffer (SO_SNDBUF) of the connection, which the operating system sizes otherwise. */
    default void socketSendBuffer(int bytes) {
    }

    /**
     * Moves the connection's reading and writing onto {@code sessionExecutor} when that executor is one of the
     * transport's own IO threads (sessions run on them by default), so that the connection and its session share a
     * thread and nothing crosses threads between them. Ignored otherwise. Events read before the move reach the
     * core before those read after it.
     */
    default void shareThreadWith(Executor sessionExecutor) {
    }

    /**
     * Runs {@code task} on the thread that calls the connection's {@link MqttConnection} now, following the
     * connection if the transport moves it to another thread before the task runs. A transport that never moves
     * connections runs it at once.
     */
    default void runOnIoThread(Runnable task) {
        task.run();
    }

    /** The peer's address, for logs. */
    String remoteAddress();

    /** The listener this connection came in on and what TLS proved about the peer, for authentication. */
    default ListenerIdentity listener() {
        return ListenerIdentity.PLAIN_TCP;
    }

    /** Whether reading from the socket is paused. */
    enum ReadState { READING, PAUSED }

    /** Whether the channel takes more writes or its outbound buffer is above the high water mark. */
    enum WriteState { WRITABLE, CONGESTED }
}
