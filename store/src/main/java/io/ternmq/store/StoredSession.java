package io.ternmq.store;

import io.ternmq.protocol.Qos;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Map;

/**
 * What outlives a persistent (CleanSession=0) session's process: its client id, its subscriptions (topic filter
 * to granted QoS) and when it expires. 3.1.1 sessions never expire ({@code expiresAt} null); the field is here so
 * that MQTT 5's session expiry needs no format change. Queued and in-flight messages and inbound QoS 2 ids live in
 * their own stores, keyed by the same client id.
 */
public record StoredSession(String clientId, Map<String, Qos> subscriptions, @Nullable Instant expiresAt) {

    public StoredSession {
        subscriptions = Map.copyOf(subscriptions);
    }

    /** A session that never expires, as every 3.1.1 session. */
    public StoredSession(String clientId, Map<String, Qos> subscriptions) {
        this(clientId, subscriptions, null);
    }
}
