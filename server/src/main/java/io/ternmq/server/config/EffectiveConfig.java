package io.ternmq.server.config;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The bound configuration plus, for each key, the raw value that won and where it came from. */
public record EffectiveConfig(ServerConfig config, Map<ConfigKey<?>, RawValue> sources) {

    public EffectiveConfig {
        sources = Map.copyOf(sources);
    }

    static EffectiveConfig bind(Map<ConfigKey<?>, RawValue> raw) {
        ServerConfig config = new ServerConfig(
                new ListenerConfig(value(ConfigKeys.LISTENER_BIND, raw), value(ConfigKeys.LISTENER_PORT, raw)),
                new LimitsConfig(
                        value(ConfigKeys.LIMITS_MAX_PACKET_SIZE, raw),
                        value(ConfigKeys.LIMITS_MAX_INFLIGHT_MESSAGES, raw),
                        value(ConfigKeys.LIMITS_MAX_QUEUED_MESSAGES, raw),
                        value(ConfigKeys.LIMITS_CONNECT_TIMEOUT, raw)),
                new SessionsConfig(value(ConfigKeys.SESSIONS_THREADS, raw)),
                new StorageConfig(value(ConfigKeys.STORAGE_DATA_DIR, raw), value(ConfigKeys.STORAGE_MODE, raw),
                        value(ConfigKeys.STORAGE_ON_CORRUPT, raw)));
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

    /** One line per key: {@code listener.port = 1883  (config.yaml line 2)}; defaults say {@code (default)}. */
    public List<String> describe() {
        int width = ConfigKeys.ALL.stream().mapToInt(key -> key.name().length()).max().orElse(0);
        return ConfigKeys.ALL.stream()
                .map(key -> String.format("%-" + width + "s = %s  (%s)", key.name(), formatted(key),
                        originOf(key)))
                .toList();
    }

    /** All keys on one line for the startup log: {@code listener.bind=0.0.0.0 listener.port=1883 ...}. */
    public String summary() {
        return ConfigKeys.ALL.stream()
                .map(key -> key.name() + "=" + formatted(key))
                .collect(Collectors.joining(" "));
    }

    private String originOf(ConfigKey<?> key) {
        Origin origin = sources.get(key).origin();
        return origin instanceof Origin.Default ? "default" : origin.describe();
    }
}
