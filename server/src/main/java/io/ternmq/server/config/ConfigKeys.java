package io.ternmq.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every configuration key the broker knows; defaults live in {@link ConfigLoader#DEFAULTS_RESOURCE}. */
public final class ConfigKeys {

    /** The protocol maximum: 268,435,455 bytes of remaining length plus a 5-byte fixed header. */
    public static final int MQTT_MAX_PACKET_SIZE = 268_435_460;

    public static final ConfigKey<String> LISTENER_BIND = new ConfigKey<>("listener.bind", new HostAddress(),
            "address the MQTT TCP listener binds to (0.0.0.0 = all IPv4 interfaces)");
    public static final ConfigKey<Integer> LISTENER_PORT = new ConfigKey<>("listener.port", new IntegerRange(0, 65_535),
            "TCP port of the MQTT listener; 0 picks a free one");
    // A CONNECT with a short client id and a will already needs dozens of bytes: less than 64 only locks clients out.
    public static final ConfigKey<Integer> LIMITS_MAX_PACKET_SIZE = new ConfigKey<>("limits.max_packet_size",
            new ByteSize(64, MQTT_MAX_PACKET_SIZE),
            "largest accepted packet, fixed header included; larger ones close the connection");
    public static final ConfigKey<Integer> LIMITS_MAX_INFLIGHT_MESSAGES = new ConfigKey<>(
            "limits.max_inflight_messages", new IntegerRange(1, 65_535),
            "QoS 1/2 messages sent to one client and not yet acknowledged; more wait in its queue");
    public static final ConfigKey<Integer> LIMITS_MAX_QUEUED_MESSAGES = new ConfigKey<>("limits.max_queued_messages",
            new IntegerRange(0, Integer.MAX_VALUE),
            "QoS 1/2 messages held per session while offline or while its window is full; more are dropped and counted");
    public static final ConfigKey<Duration> LIMITS_CONNECT_TIMEOUT = new ConfigKey<>("limits.connect_timeout",
            new DurationRange(Duration.ofMillis(1), Duration.ofHours(1)),
            "time a new connection has to send CONNECT before it is closed");
    public static final ConfigKey<Integer> SESSIONS_THREADS = new ConfigKey<>("sessions.threads", new ThreadCount(1024),
            "threads that own sessions and route messages");
    public static final ConfigKey<Path> STORAGE_DATA_DIR = new ConfigKey<>("storage.data_dir", new DirectoryPath(),
            "directory for broker data, created when missing (relative to the working directory)");
    public static final ConfigKey<String> STORAGE_MODE = new ConfigKey<>("storage.mode",
            new Choice(List.of("wal", "fsync", "memory")),
            "durability of acknowledged messages: wal survives a killed process, fsync also power loss, "
                    + "memory nothing");
    public static final ConfigKey<String> STORAGE_ON_CORRUPT = new ConfigKey<>("storage.on_corrupt",
            new Choice(List.of("stop", "move-aside")),
            "an unreadable data directory stops startup, or is renamed aside with a timestamp and the broker "
                    + "starts empty");

    public static final List<ConfigKey<?>> ALL = List.of(LISTENER_BIND, LISTENER_PORT, LIMITS_MAX_PACKET_SIZE,
            LIMITS_MAX_INFLIGHT_MESSAGES, LIMITS_MAX_QUEUED_MESSAGES, LIMITS_CONNECT_TIMEOUT, SESSIONS_THREADS,
            STORAGE_DATA_DIR, STORAGE_MODE, STORAGE_ON_CORRUPT);

    private ConfigKeys() {
    }

    public static Optional<ConfigKey<?>> find(String name) {
        return ALL.stream().filter(key -> key.name().equals(name)).findFirst();
    }

    public static boolean isSection(String name) {
        return ALL.stream().anyMatch(key -> key.section().equals(name));
    }

    /** The key named {@code name}, or an error at {@code origin} listing the keys it could have meant. */
    public static ConfigKey<?> require(String name, Origin origin) {
        return find(name).orElseThrow(() -> new ConfigException(origin,
                "unknown key '" + name + "' (known: " + knownNear(name) + ")"));
    }

    /** The keys of the same section when the section exists (the likely typo is in the field), else every key. */
    private static String knownNear(String name) {
        String section = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        List<ConfigKey<?>> candidates = isSection(section)
                ? ALL.stream().filter(key -> key.section().equals(section)).toList()
                : ALL;
        return candidates.stream().map(ConfigKey::name).collect(Collectors.joining(", "));
    }
}
