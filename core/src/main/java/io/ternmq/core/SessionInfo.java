package io.ternmq.core;

import java.util.List;

/**
 * A snapshot of one session for operators and tests.
 *
 * @param overflowDrops QoS 1/2 messages dropped because this session's queue was full
 */
public record SessionInfo(String clientId, boolean persistent, boolean connected, List<String> topicFilters,
                          int inflightMessages, int queuedMessages, long overflowDrops) {

    public SessionInfo {
        topicFilters = List.copyOf(topicFilters);
    }
}
