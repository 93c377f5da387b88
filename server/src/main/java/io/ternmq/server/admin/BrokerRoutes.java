package io.ternmq.server.admin;

import io.ternmq.core.BrokerStats;
import io.ternmq.core.DropReason;
import io.ternmq.core.MemoryBudget;

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

    /** The memory budget; {@code publishersPaused}: the budget is exhausted and publishers are not read. */
    record Memory(long usedBytes, long limitBytes, long headroomBytes, long clientLimitBytes,
                  boolean publishersPaused, long publisherPauses, long slowConsumerDrops) {
    }

    record Info(String version, String startedAt, long uptimeSeconds, List<Listener> listeners, Counts counts,
                Memory memory) {
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
                stats.messagesReceived(), stats.messagesSent()), memory(stats));
    }

    private static Memory memory(BrokerStats stats) {
        MemoryBudget m = stats.memory();
        return new Memory(m.usedBytes(), m.limitBytes(), m.headroomBytes(), m.clientLimitBytes(), m.isExhausted(),
                m.publisherPauses(), stats.drops(DropReason.SLOW_CONSUMER));
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
