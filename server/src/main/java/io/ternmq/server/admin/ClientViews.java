package io.ternmq.server.admin;

import io.ternmq.core.ClientInfo;
import io.ternmq.core.ClientMemoryInfo;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The JSON shapes of clients and subscriptions in the REST API. */
final class ClientViews {

    private ClientViews() {
    }

    /** A row of {@code GET /api/v1/clients}. */
    record Summary(String clientId, boolean connected, boolean persistent, @Nullable String username,
                   @Nullable String address, @Nullable String protocol, @Nullable Integer keepAliveSeconds,
                   @Nullable String connectedSince, int subscriptions, int queuedMessages, int inflightMessages) {
    }

    /** {@code GET /api/v1/clients/{id}}. */
    record Detail(String clientId, boolean connected, boolean persistent, @Nullable String username,
                  @Nullable String address, @Nullable String protocol, @Nullable Integer keepAliveSeconds,
                  @Nullable String connectedSince, @Nullable String listener, List<Subscription> subscriptions,
                  int queuedMessages, int inflightMessages, long overflowDrops, Memory memory) {
    }

    /**
     * A client's memory budget: bytes held for it and its limit, its slow-consumer policy, whether its connection
     * is congested, the QoS 0 messages waiting for it, and what its policy dropped or disconnected.
     */
    record Memory(long usedBytes, long limitBytes, String slowConsumerPolicy, boolean congested, int heldQos0Messages,
                  long slowConsumerDrops, long slowConsumerDisconnects) {
    }

    /** A row of {@code GET /api/v1/subscriptions}, and a subscription inside a client's detail. */
    record Subscription(String clientId, String topicFilter, int qos) {
    }

    static Summary summary(ClientInfo info) {
        ClientInfo.Connected c = info.connection();
        return new Summary(info.clientId(), c != null, info.persistent(), c == null ? null : c.username(),
                c == null ? null : c.address(), c == null ? null : c.protocolVersion(),
                c == null ? null : c.keepAliveSeconds(), c == null ? null : iso(c.connectedSince()),
                info.subscriptions().size(), info.queuedMessages(), info.inflightMessages());
    }

    static Detail detail(ClientInfo info) {
        ClientInfo.Connected c = info.connection();
        return new Detail(info.clientId(), c != null, info.persistent(), c == null ? null : c.username(),
                c == null ? null : c.address(), c == null ? null : c.protocolVersion(),
                c == null ? null : c.keepAliveSeconds(), c == null ? null : iso(c.connectedSince()),
                c == null ? null : c.listener(), subscriptions(info), info.queuedMessages(), info.inflightMessages(),
                info.overflowDrops(), memory(info.memory()));
    }

    private static Memory memory(ClientMemoryInfo m) {
        return new Memory(m.usedBytes(), m.limitBytes(), m.policy().name().toLowerCase(Locale.ROOT), m.congested(),
                m.heldQos0(), m.slowConsumerDrops(), m.slowConsumerDisconnects());
    }

    static List<Subscription> subscriptions(ClientInfo info) {
        return info.subscriptions().stream()
                .map(s -> new Subscription(info.clientId(), s.topicFilter(), s.qos().value()))
                .toList();
    }

    private static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
