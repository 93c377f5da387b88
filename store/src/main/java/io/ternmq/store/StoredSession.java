package io.ternmq.store;

import io.ternmq.protocol.Qos;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What outlives a persistent session's process: its client id, its subscriptions (topic filter to granted QoS, and
 * the MQTT 5 options of those filters whose options are not {@link SubscriptionOptions#DEFAULT}) and its expiry.
 * {@code expiryInterval} is the session expiry interval in seconds in effect (MQTT 5; {@link #NEVER} for 3.1.1
 * sessions and for 0xFFFFFFFF); {@code expiresAt} is when the session is discarded unless its client comes back: set
 * while no client is connected, null while one is (the interval starts at disconnect) or when it never expires.
 * Queued and in-flight messages and inbound QoS 2 ids live in their own stores, keyed by the same client id.
 */
public record StoredSession(String clientId, Map<String, Qos> subscriptions, @Nullable Instant expiresAt,
                            long expiryInterval, Map<String, SubscriptionOptions> options) {

    /** The session expiry interval that means "never" (0xFFFFFFFF, 3.1.2.11.2), and every 3.1.1 session's. */
    public static final long NEVER = 0xFFFF_FFFFL;

    public StoredSession {
        subscriptions = Map.copyOf(subscriptions);
        if (expiryInterval < 0 || expiryInterval > NEVER) {
            throw new IllegalArgumentException("session expiry interval " + expiryInterval);
        }
        Map<String, SubscriptionOptions> explicit = new HashMap<>();
        for (Map.Entry<String, SubscriptionOptions> entry : options.entrySet()) {
            if (!subscriptions.containsKey(entry.getKey())) {
                throw new IllegalArgumentException("options for " + entry.getKey() + ", which is not subscribed");
            }
            if (!entry.getValue().isDefault()) {
                explicit.put(entry.getKey(), entry.getValue());
            }
        }
        options = Map.copyOf(explicit);
    }

    /** A session that never expires, as every 3.1.1 session. */
    public StoredSession(String clientId, Map<String, Qos> subscriptions) {
        this(clientId, subscriptions, null);
    }

    /** A session without MQTT 5 subscription options. */
    public StoredSession(String clientId, Map<String, Qos> subscriptions, @Nullable Instant expiresAt) {
        this(clientId, subscriptions, expiresAt, NEVER, Map.of());
    }

    /** The options of a subscribed filter: {@link SubscriptionOptions#DEFAULT} unless stored otherwise. */
    public SubscriptionOptions optionsOf(String filter) {
        return options.getOrDefault(filter, SubscriptionOptions.DEFAULT);
    }
}
