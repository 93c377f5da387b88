package io.ternmq.server.config;

import io.ternmq.core.MemoryLimits;
import io.ternmq.core.SlowConsumerRules;
import io.ternmq.server.config.ListenerConfig.DefaultListener;
import io.ternmq.transport.AnonymousAccess;
import io.ternmq.transport.ConnectionLimits;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The bound configuration plus, for each key, the raw value that won and where it came from. */
public record EffectiveConfig(ServerConfig config, Map<ConfigKey<?>, RawValue> sources) {

    /** The name of the default TCP listener of the {@code listener} section. */
    public static final String DEFAULT_LISTENER_NAME = "tcp";

    public EffectiveConfig {
        sources = Map.copyOf(sources);
    }

    static EffectiveConfig bind(Map<ConfigKey<?>, RawValue> raw) {
        return bind(raw, List.of());
    }

    static EffectiveConfig bind(Map<ConfigKey<?>, RawValue> raw, List<ListenerEntry> listenerEntries) {
        var listener = new ListenerConfig(value(ConfigKeys.LISTENER_BIND, raw), value(ConfigKeys.LISTENER_PORT, raw),
                value(ConfigKeys.LISTENER_ENABLED, raw) ? DefaultListener.ENABLED : DefaultListener.DISABLED,
                new ConnectionLimits(value(ConfigKeys.LISTENER_MAX_CONNECTIONS, raw),
                        value(ConfigKeys.LISTENER_MAX_CONNECTIONS_PER_SECOND, raw)),
                value(ConfigKeys.LISTENER_ALLOW_ANONYMOUS, raw) ? AnonymousAccess.ALLOWED : AnonymousAccess.DENIED);
        var listeners = ListenerEntries.bind(listenerEntries, listener.state() == DefaultListener.ENABLED
                ? Set.of(DEFAULT_LISTENER_NAME) : Set.of());
        if (listener.state() == DefaultListener.DISABLED && listeners.isEmpty()) {
            throw new ConfigException(raw.get(ConfigKeys.LISTENER_ENABLED).origin(),
                    "listener.enabled is false and the listeners list is empty: the broker would accept no client");
        }
        ServerConfig config = new ServerConfig(
                listener,
                new LimitsConfig(
                        value(ConfigKeys.LIMITS_MAX_PACKET_SIZE, raw),
                        value(ConfigKeys.LIMITS_MAX_INFLIGHT_MESSAGES, raw),
                        value(ConfigKeys.LIMITS_MAX_QUEUED_MESSAGES, raw),
                        value(ConfigKeys.LIMITS_CONNECT_TIMEOUT, raw),
                        value(ConfigKeys.LIMITS_MAX_TOPIC_LENGTH, raw),
                        value(ConfigKeys.LIMITS_MAX_TOPIC_LEVELS, raw),
                        value(ConfigKeys.LIMITS_MAX_SUBSCRIPTIONS_PER_CLIENT, raw),
                        value(ConfigKeys.LIMITS_MAX_CONNECTIONS, raw),
                        value(ConfigKeys.LIMITS_MAX_PENDING_CONNECTS, raw),
                        new MemoryLimits(value(ConfigKeys.LIMITS_MAX_MEMORY, raw),
                                value(ConfigKeys.LIMITS_MAX_CLIENT_MEMORY, raw),
                                new SlowConsumerRules(
                                        SlowConsumerPolicies.policy(value(ConfigKeys.LIMITS_SLOW_CONSUMER_POLICY, raw)),
                                        ListenerEntries.slowConsumerPolicies(listenerEntries),
                                        value(ConfigKeys.LIMITS_SLOW_CONSUMER_CLIENTS, raw)),
                                value(ConfigKeys.LIMITS_SOCKET_SEND_BUFFER, raw))),
                new SessionsConfig(value(ConfigKeys.SESSIONS_THREADS, raw), value(ConfigKeys.SESSIONS_RUN_ON, raw),
                        value(ConfigKeys.SESSIONS_BALANCE_IO_THREADS, raw)),
                new StorageConfig(value(ConfigKeys.STORAGE_DATA_DIR, raw), value(ConfigKeys.STORAGE_MODE, raw),
                        value(ConfigKeys.STORAGE_ON_CORRUPT, raw), value(ConfigKeys.STORAGE_MAX_PENDING_WRITES, raw)),
                new AuthConfig(
                        value(ConfigKeys.AUTH_PASSWORD_FILE, raw),
                        value(ConfigKeys.AUTH_ACL_FILE, raw),
                        value(ConfigKeys.AUTH_ALLOW_ANONYMOUS, raw),
                        value(ConfigKeys.AUTH_ANONYMOUS_LISTENERS, raw),
                        value(ConfigKeys.AUTH_RELOAD_INTERVAL, raw)),
                new AdminConfig(
                        value(ConfigKeys.ADMIN_ENABLED, raw),
                        value(ConfigKeys.ADMIN_BIND, raw),
                        value(ConfigKeys.ADMIN_PORT, raw),
                        value(ConfigKeys.ADMIN_TOKEN, raw),
                        value(ConfigKeys.ADMIN_USERNAME, raw),
                        value(ConfigKeys.ADMIN_PASSWORD, raw)),
                new SysConfig(value(ConfigKeys.SYS_INTERVAL, raw)),
                new LogConfig(value(ConfigKeys.LOG_LEVEL, raw)),
                listeners,
                new MqttConfig(
                        value(ConfigKeys.MQTT_MAX_KEEP_ALIVE, raw),
                        value(ConfigKeys.MQTT_RESPONSE_INFORMATION, raw),
                        value(ConfigKeys.MQTT_SERVER_REFERENCE, raw),
                        value(ConfigKeys.MQTT_SERVER_REFERENCE_CODE, raw),
                        value(ConfigKeys.MQTT_RECEIVE_MAXIMUM, raw),
                        value(ConfigKeys.MQTT_TOPIC_ALIAS_MAXIMUM, raw),
                        value(ConfigKeys.MQTT_OUTBOUND_TOPIC_ALIASES, raw),
                        value(ConfigKeys.MQTT_MAXIMUM_QOS, raw),
                        value(ConfigKeys.MQTT_RETAIN_AVAILABLE, raw),
                        value(ConfigKeys.MQTT_MAX_SESSION_EXPIRY, raw),
                        value(ConfigKeys.MQTT_SHARED_SUBSCRIPTIONS, raw),
                        value(ConfigKeys.MQTT_SUBSCRIPTION_IDENTIFIERS, raw),
                        value(ConfigKeys.MQTT_WILDCARD_SUBSCRIPTIONS, raw)));
        return new EffectiveConfig(config, raw);
    }

    private static <T> T value(ConfigKey<T> key, Map<ConfigKey<?>, RawValue> raw) {
        RawValue value = raw.get(key);
        if (value == null) {
            throw new IllegalStateException(ConfigLoader.DEFAULTS_RESOURCE + " must define " + key.name());
        }
        return key.parse(value);
    }

    /** The formatted effective value of {@code key}, e.g. {@code 10s} or the thread count {@code auto} became. */
    public <T> String formatted(ConfigKey<T> key) {
        return key.type().format(value(key, sources));
    }

    /**
     * One line per key: {@code listener.port = 1883  (config.yaml line 2)}; defaults say {@code (default)}. Then one
     * line per entry of the listeners list.
     */
    public List<String> describe() {
        int width = ConfigKeys.ALL.stream().mapToInt(key -> key.name().length()).max().orElse(0);
        return Stream.concat(ConfigKeys.ALL.stream()
                        .map(key -> String.format("%-" + width + "s = %s  (%s)", key.name(), formatted(key),
                                originOf(key))),
                config.listeners().stream().map(listener -> "listeners: " + describe(listener)))
                .toList();
    }

    /** All keys on one line for the startup log: {@code listener.bind=0.0.0.0 listener.port=1883 ...}. */
    public String summary() {
        return Stream.concat(ConfigKeys.ALL.stream().map(key -> key.name() + "=" + formatted(key)),
                        config.listeners().stream().map(listener -> "listeners=" + describe(listener)))
                .collect(Collectors.joining(" "));
    }

    /** {@code tls(tls 0.0.0.0:8883)}: no TLS details, so no password can reach a log. */
    private static String describe(io.ternmq.transport.ListenerConfig listener) {
        return listener.name() + "(" + listener.kind().name().toLowerCase(Locale.ROOT) + " " + listener.bind() + ":"
                + listener.port() + ")";
    }

    private String originOf(ConfigKey<?> key) {
        Origin origin = sources.get(key).origin();
        return origin instanceof Origin.Default ? "default" : origin.describe();
    }
}
