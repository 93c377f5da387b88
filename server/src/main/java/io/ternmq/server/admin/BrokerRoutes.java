package io.ternmq.server.admin;

import io.ternmq.core.BrokerStats;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code /api/v1/broker}, {@code /api/v1/config} and {@code /api/v1/security/reload}. */
final class BrokerRoutes {

    private final AdminContext context;

    BrokerRoutes(AdminContext context) {
        this.context = context;
    }

    record Listener(String name, String address, int port) {
    }

    record Counts(long connectedClients, long sessions, long subscriptions, long retainedMessages,
                  long queuedMessages, long inflightMessages, long messagesReceived, long messagesSent) {
    }

    record Info(String version, String startedAt, long uptimeSeconds, List<Listener> listeners, Counts counts) {
    }

    Info info() {
        BrokerStats stats = context.stats();
        List<Listener> listeners = context.listeners().get().entrySet().stream()
                .map(e -> listener(e.getKey(), e.getValue()))
                .toList();
        long uptime = Math.max(0, (System.currentTimeMillis() - context.startedAtMillis()) / 1000);
        return new Info(context.version(), Instant.ofEpochMilli(context.startedAtMillis()).toString(), uptime,
                listeners, new Counts(stats.connectedClients(), stats.sessions(), stats.subscriptions(),
                stats.retainedMessages(), stats.queuedMessages(), stats.inflightMessages(),
                stats.messagesReceived(), stats.messagesSent()));
    }

    private static Listener listener(String name, InetSocketAddress address) {
        return new Listener(name, address.getAddress().getHostAddress(), address.getPort());
    }

    Map<String, String> config() {
        return new TreeMap<>(context.effectiveConfig());
    }

    Map<String, String> reload() {
        SecurityReloader.ReloadResult result = context.reloader().reload();
        return switch (result.status()) {
            case RELOADED -> Map.of("result", "reloaded", "detail", result.detail());
            case FAILED -> throw new ApiError(409, "reload_failed", result.detail());
            case NOT_CONFIGURED -> throw new ApiError(501, "not_configured", result.detail());
        };
    }
}
