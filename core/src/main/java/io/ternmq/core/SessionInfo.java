package io.ternmq.core;

import java.util.List;

/**
 * A snapshot of one session for operators and tests.
 *
 * @param overflowDrops QoS 1/2 messages dropped because this session's queue was full
 * @param memory        its memory budget, slow-consumer policy and what that policy dropped
 */
public record SessionInfo(String clientId, boolean persistent, boolean connected, List<String> topicFilters,
                          int inflightMessages, int queuedMessages, long overflowDrops, ClientMemoryInfo memory) {

    public SessionInfo {
        topicFilters = List.copyOf(topicFilters);
    }

    /** Without memory figures (a session that holds nothing). */
    public SessionInfo(String clientId, boolean persistent, boolean connected, List<String> topicFilters,
                       int inflightMessages, int queuedMessages, long overflowDrops) {
        this(clientId, persistent, connected, topicFilters, inflightMessages, queuedMessages, overflowDrops,
                ClientMemoryInfo.empty(MemoryLimits.DEFAULT_CLIENT_BYTES));
    }
}
