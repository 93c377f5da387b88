package io.ternmq.server.admin;

import io.ternmq.core.AdminOperations;
import io.ternmq.core.BrokerStats;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the admin listener needs from the broker.
 *
 * @param listeners       bound MQTT listeners by name
 * @param effectiveConfig the settings in force, secrets already masked
 * @param ready           whether every listener is bound and the core runs
 */
public record AdminContext(AdminOperations operations, BrokerStats stats, String version, long startedAtMillis,
                           Supplier<Map<String, InetSocketAddress>> listeners, Map<String, String> effectiveConfig,
                           BooleanSupplier ready, SecurityReloader reloader) {

    public AdminContext {
        effectiveConfig = Map.copyOf(effectiveConfig);
    }
}
