package io.ternmq.server.config;

import java.time.Duration;

/** The {@code limits} section: bounds that keep one client from exhausting the broker. */
public record LimitsConfig(int maxPacketSize, int maxInflightMessages, int maxQueuedMessages,
                           Duration connectTimeout, int maxConnections) {

    /** Without a broker-wide connection limit. */
    public LimitsConfig(int maxPacketSize, int maxInflightMessages, int maxQueuedMessages, Duration connectTimeout) {
        this(maxPacketSize, maxInflightMessages, maxQueuedMessages, connectTimeout, 0);
    }
}
