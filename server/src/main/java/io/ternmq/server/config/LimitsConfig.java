package io.ternmq.server.config;

import io.ternmq.core.MemoryLimits;

import java.time.Duration;

/**
 * The {@code limits} section: bounds that keep one client from exhausting the broker; {@code memory} holds the
 * memory budget with the slow-consumer policies (those of the listeners list included).
 */
public record LimitsConfig(int maxPacketSize, int maxInflightMessages, int maxQueuedMessages,
                           Duration connectTimeout, int maxTopicLength, int maxTopicLevels,
                           int maxSubscriptionsPerClient, int maxConnections, int maxPendingConnects,
                           MemoryLimits memory) {

    /** With the default memory budget. */
    public LimitsConfig(int maxPacketSize, int maxInflightMessages, int maxQueuedMessages, Duration connectTimeout,
                        int maxTopicLength, int maxTopicLevels, int maxSubscriptionsPerClient, int maxConnections,
                        int maxPendingConnects) {
        this(maxPacketSize, maxInflightMessages, maxQueuedMessages, connectTimeout, maxTopicLength, maxTopicLevels,
                maxSubscriptionsPerClient, maxConnections, maxPendingConnects, MemoryLimits.defaults());
    }
}
