package io.ternmq.core;

/**
 * The memory budget (DESIGN section 3): bytes of messages the broker holds for clients, counted cheaply as
 * payload + topic + {@link ClientMemory#OVERHEAD} per message. Held means queued QoS 1/2 messages, QoS 1/2
 * messages in flight, QoS 0 messages waiting for a congested connection, and PUBLISH packets read but not yet
 * handled. Past the client limit the client's {@link SlowConsumerPolicy} decides; past the global limit
 * publishers stop being read until usage falls back below {@link #resumeBytes()} and every client that would hold
 * more applies its policy.
 *
 * @param globalBytes all clients together
 * @param clientBytes one client: the messages held for it, and separately its unhandled inbound packets; its
 *                    connection's outbound buffer is bounded by {@link #channelHighWaterMark()}
 * @param socketSendBuffer the kernel send buffer (SO_SNDBUF) of each client connection; 0 leaves it to the
 *                    operating system, which grows it for a client that stops reading (about 700 KB on Linux
 *                    loopback, 4 MiB at most by default)
 */
public record MemoryLimits(long globalBytes, long clientBytes, SlowConsumerRules rules, int socketSendBuffer) {

    /** With the operating system's socket send buffers. */
    public MemoryLimits(long globalBytes, long clientBytes, SlowConsumerRules rules) {
        this(globalBytes, clientBytes, rules, 0);
    }

    /** Per client when not configured: thousands of small messages, a few large ones. */
    public static final long DEFAULT_CLIENT_BYTES = 8L << 20;

    public MemoryLimits {
        if (globalBytes < 1) {
            throw new IllegalArgumentException("globalBytes must be positive, was " + globalBytes);
        }
        if (clientBytes < 1) {
            throw new IllegalArgumentException("clientBytes must be positive, was " + clientBytes);
        }
        if (socketSendBuffer < 0) {
            throw new IllegalArgumentException("socketSendBuffer must not be negative, was " + socketSendBuffer);
        }
    }

    /** Half the maximum heap for all clients, {@link #DEFAULT_CLIENT_BYTES} each, dropping the oldest. */
    public static MemoryLimits defaults() {
        return new MemoryLimits(Runtime.getRuntime().maxMemory() / 2, DEFAULT_CLIENT_BYTES,
                SlowConsumerRules.always(SlowConsumerPolicy.DROP_OLDEST));
    }

    /** Publishers are read again once the held bytes fall below 90 % of the global limit. */
    public long resumeBytes() {
        return globalBytes - globalBytes / 10;
    }

    /**
     * Outbound bytes a connection's channel may buffer before it counts as congested (Netty's high water mark): a
     * sixteenth of the client budget, between 2 KiB and 64 KiB, so that 10,000 stuck connections buffer at most
     * about 640 MB outside the budget and a small budget still gets whole packets through.
     */
    public int channelHighWaterMark() {
        return (int) Math.max(2 << 10, Math.min(64 << 10, clientBytes / 16));
    }
}
