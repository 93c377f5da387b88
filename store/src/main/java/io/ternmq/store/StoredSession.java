package io.ternmq.store;

import io.ternmq.protocol.Qos;

import java.util.Map;

/**
 * What outlives a persistent (CleanSession=0) session's process: its client id and its subscriptions
 * (topic filter to granted QoS). Queued and in-flight messages are kept in memory for now.
 */
public record StoredSession(String clientId, Map<String, Qos> subscriptions) {

    public StoredSession {
        subscriptions = Map.copyOf(subscriptions);
    }
}
