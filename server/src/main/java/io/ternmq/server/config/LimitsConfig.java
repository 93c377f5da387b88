package io.ternmq.server.config;

import java.time.Duration;

/** The {@code limits} section: bounds that keep one client from exhausting the broker. */
public record LimitsConfig(int maxPacketSize, int maxInflightMessages, int maxQueuedMessages,
                           Duration connectTimeout, int maxTopicLength, int maxTopicLevels,
                           int maxSubscriptionsPerClient, int maxConnections, int maxPendingConnects) {
}
