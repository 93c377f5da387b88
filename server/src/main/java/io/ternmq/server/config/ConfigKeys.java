package io.ternmq.server.config;

import io.ternmq.core.SlowConsumerRules;
import io.ternmq.server.security.AnonymousAccess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every configuration key the broker knows; defaults live in {@link ConfigLoader#DEFAULTS_RESOURCE}. */
public final class ConfigKeys {

    /** The protocol maximum: 268,435,455 bytes of remaining length plus a 5-byte fixed header. */
    public static final int MQTT_MAX_PACKET_SIZE = 268_435_460;

    public static final ConfigKey<String> LISTENER_BIND = new ConfigKey<>("listener.bind", PatternText.hostAddress(),
            "address the MQTT TCP listener binds to (0.0.0.0 = all IPv4 interfaces)");
    public static final ConfigKey<Integer> LISTENER_PORT = new ConfigKey<>("listener.port", new IntegerRange(0, 65_535),
            "TCP port of the MQTT listener; 0 picks a free one");
    public static final ConfigKey<Boolean> LISTENER_ENABLED = new ConfigKey<>("listener.enabled", new Flag(),
            "whether the default TCP listener (named tcp) runs; false when only the listeners list is wanted");
    public static final ConfigKey<Integer> LISTENER_MAX_CONNECTIONS = new ConfigKey<>("listener.max_connections",
            new IntegerRange(0, Integer.MAX_VALUE), "connections the default listener holds at once; 0 = unlimited");
    public static final ConfigKey<Integer> LISTENER_MAX_CONNECTIONS_PER_SECOND = new ConfigKey<>(
            "listener.max_connections_per_second", new IntegerRange(0, Integer.MAX_VALUE),
            "new connections the default listener accepts per second; 0 = unlimited");
    public static final ConfigKey<Boolean> LISTENER_ALLOW_ANONYMOUS = new ConfigKey<>("listener.allow_anonymous",
            new Flag(), "whether clients without credentials may connect on the default listener");
    public static final ConfigKey<Integer> LIMITS_MAX_CONNECTIONS = new ConfigKey<>("limits.max_connections",
            new IntegerRange(0, Integer.MAX_VALUE), "connections held at once over all listeners; 0 = unlimited");
    public static final ConfigKey<Integer> LIMITS_MAX_PENDING_CONNECTS = new ConfigKey<>(
            "limits.max_pending_connects", new IntegerRange(0, Integer.MAX_VALUE),
            "connections over all listeners that have not sent CONNECT yet; more are closed at accept; 0 = unlimited");
    // A CONNECT with a short client id and a will already needs dozens of bytes: less than 64 only locks clients out.
    public static final ConfigKey<Integer> LIMITS_MAX_PACKET_SIZE = new ConfigKey<>("limits.max_packet_size",
            new ByteSize(64, MQTT_MAX_PACKET_SIZE),
            "largest accepted packet, fixed header included; larger ones close the connection");
    public static final ConfigKey<Integer> LIMITS_MAX_INFLIGHT_MESSAGES = new ConfigKey<>(
            "limits.max_inflight_messages", new IntegerRange(1, 65_535),
            "QoS 1/2 messages sent to one client and not yet acknowledged; more wait in its queue");
    public static final ConfigKey<Integer> LIMITS_MAX_QUEUED_MESSAGES = new ConfigKey<>("limits.max_queued_messages",
            new IntegerRange(0, Integer.MAX_VALUE),
            "QoS 1/2 messages held per session while offline or while its window is full; more are dropped and "
                    + "counted");
    public static final ConfigKey<Duration> LIMITS_CONNECT_TIMEOUT = new ConfigKey<>("limits.connect_timeout",
            new DurationRange(Duration.ofMillis(1), Duration.ofHours(1)),
            "time a new connection has to send CONNECT before it is closed");
    public static final ConfigKey<Integer> LIMITS_MAX_TOPIC_LENGTH = new ConfigKey<>("limits.max_topic_length",
            new IntegerRange(1, 65_535),
            "longest topic name or filter in UTF-8 bytes; a longer PUBLISH closes the connection, a filter gets 0x80");
    public static final ConfigKey<Integer> LIMITS_MAX_TOPIC_LEVELS = new ConfigKey<>("limits.max_topic_levels",
            new IntegerRange(1, 32_768),
            "most '/'-separated levels in a topic name or filter; beyond: as for max_topic_length");
    public static final ConfigKey<Integer> LIMITS_MAX_SUBSCRIPTIONS_PER_CLIENT = new ConfigKey<>(
            "limits.max_subscriptions_per_client", new IntegerRange(1, Integer.MAX_VALUE),
            "most topic filters one client session may be subscribed to; further filters get SUBACK 0x80");
    public static final ConfigKey<Long> LIMITS_MAX_MEMORY = new ConfigKey<>("limits.max_memory",
            new MemorySize(1L << 20, 1L << 50),
            "bytes of messages held for all clients (queued, in flight, waiting for slow connections, read but not "
                    + "yet routed); above it publishers stop being read and slow consumers' policies apply");
    public static final ConfigKey<Integer> LIMITS_MAX_CLIENT_MEMORY = new ConfigKey<>("limits.max_client_memory",
            new ByteSize(4096, Integer.MAX_VALUE),
            "bytes of messages held for one client; above it its slow-consumer policy applies; a sixteenth of it "
                    + "(2 KiB..64 KiB) is what its connection may buffer before it counts as slow");
    public static final ConfigKey<Integer> LIMITS_SOCKET_SEND_BUFFER = new ConfigKey<>("limits.socket_send_buffer",
            new ByteSize(0, 64 << 20),
            "kernel send buffer (SO_SNDBUF) of each client connection, bytes the OS holds for a client that stops "
                    + "reading besides the budget; 0 leaves it to the OS (which grows it to about 0.7-4 MB)");
    public static final ConfigKey<String> LIMITS_SLOW_CONSUMER_POLICY = new ConfigKey<>(
            "limits.slow_consumer_policy", SlowConsumerPolicies.POLICY,
            "what happens to a client over its memory budget: drop_oldest, drop_newest (QoS 0 always goes first) "
                    + "or disconnect (MQTT 5: DISCONNECT 0x97); listeners may set their own");
    public static final ConfigKey<List<SlowConsumerRules.ClientPattern>>
            LIMITS_SLOW_CONSUMER_CLIENTS = new ConfigKey<>("limits.slow_consumer_clients",
            new SlowConsumerPolicies(),
            "per client-id pattern, a policy overriding the listener's, e.g. 'sensor-*=drop_newest'; first match wins");
    public static final ConfigKey<Integer> MQTT_RECEIVE_MAXIMUM = new ConfigKey<>("mqtt.receive_maximum",
            new IntegerRange(1, 65_535),
            "QoS 1/2 PUBLISHes an MQTT 5 client may have unacknowledged towards the broker; more: DISCONNECT 0x93");
    public static final ConfigKey<Integer> MQTT_TOPIC_ALIAS_MAXIMUM = new ConfigKey<>("mqtt.topic_alias_maximum",
            new IntegerRange(0, 65_535),
            "highest topic alias an MQTT 5 client may use towards the broker; 0 allows none; above: DISCONNECT 0x94");
    public static final ConfigKey<String> MQTT_OUTBOUND_TOPIC_ALIASES = new ConfigKey<>(
            "mqtt.outbound_topic_aliases", new Choice(List.of("none", "lru")),
            "topic aliases towards MQTT 5 clients that accept them: lru for recurring topics, none never");
    public static final ConfigKey<Boolean> MQTT_SHARED_SUBSCRIPTIONS = new ConfigKey<>("mqtt.shared_subscriptions",
            new Flag(), "whether $share/{group}/{filter} subscriptions are offered; false: SUBACK 0x9E (3.1.1: 0x80)");
    public static final ConfigKey<Boolean> MQTT_SUBSCRIPTION_IDENTIFIERS = new ConfigKey<>(
            "mqtt.subscription_identifiers", new Flag(),
            "whether MQTT 5 clients may give subscriptions identifiers; false: a SUBSCRIBE with one gets "
                    + "DISCONNECT 0xA1");
    public static final ConfigKey<Boolean> MQTT_WILDCARD_SUBSCRIPTIONS = new ConfigKey<>(
            "mqtt.wildcard_subscriptions", new Flag(),
            "whether topic filters may contain + and #; false: SUBACK 0xA2 (3.1.1: 0x80)");
    public static final ConfigKey<Integer> SESSIONS_THREADS = new ConfigKey<>("sessions.threads", new ThreadCount(1024),
            "threads that own sessions and route messages");
    public static final ConfigKey<String> SESSIONS_RUN_ON = new ConfigKey<>("sessions.run_on",
            new Choice(List.of("io_threads", "own_threads")),
            "io_threads: sessions run on the network event loops (no hand-off per message); own_threads: on "
                    + "sessions.threads threads of their own");
    public static final ConfigKey<Boolean> SESSIONS_BALANCE_IO_THREADS = new ConfigKey<>(
            "sessions.balance_io_threads", new Flag(),
            "with more than one IO thread: move connections off one far busier than another, publishers' sessions "
                    + "with them, other sessions staying where they are (for many publishers into few subscribers); "
                    + "false keeps each connection on its session's thread");
    public static final ConfigKey<Path> STORAGE_DATA_DIR = new ConfigKey<>("storage.data_dir", new DirectoryPath(),
            "directory for broker data, created when missing (relative to the working directory)");
    public static final ConfigKey<String> STORAGE_MODE = new ConfigKey<>("storage.mode",
            new Choice(List.of("wal", "fsync", "memory")),
            "durability of acknowledged messages: wal survives a killed process, fsync also power loss, "
                    + "memory nothing");
    public static final ConfigKey<Integer> STORAGE_MAX_PENDING_WRITES = new ConfigKey<>(
            "storage.max_pending_writes", new ByteSize(1024 * 1024, Integer.MAX_VALUE),
            "changes waiting for the storage writer above which publishers stop being read until half of it is "
                    + "written (back-pressure; nothing is dropped)");
    public static final ConfigKey<String> STORAGE_ON_CORRUPT = new ConfigKey<>("storage.on_corrupt",
            new Choice(List.of("stop", "move-aside")),
            "an unreadable data directory stops startup, or is renamed aside with a timestamp and the broker "
                    + "starts empty");

    public static final ConfigKey<Optional<Path>> AUTH_PASSWORD_FILE = new ConfigKey<>("auth.password_file",
            new OptionalFile(), "users and password hashes, from 'ternmq passwd'; none: user names are not checked");
    public static final ConfigKey<Optional<Path>> AUTH_ACL_FILE = new ConfigKey<>("auth.acl_file",
            new OptionalFile(), "access rules per user and pattern; none: every client may use every topic");
    public static final ConfigKey<AnonymousAccess> AUTH_ALLOW_ANONYMOUS = new ConfigKey<>("auth.allow_anonymous",
            new AnonymousAccessFlag(), "whether clients without a user name may connect (CONNACK 0x05 if not)");
    public static final ConfigKey<Map<String, AnonymousAccess>> AUTH_ANONYMOUS_LISTENERS = new ConfigKey<>(
            "auth.anonymous_listeners", new ListenerAnonymousAccess(),
            "per listener name, an override of allow_anonymous, e.g. 'tcp=false'");
    public static final ConfigKey<Duration> AUTH_RELOAD_INTERVAL = new ConfigKey<>("auth.reload_interval",
            new DurationRange(Duration.ZERO, Duration.ofHours(1)),
            "how often the password and ACL files are checked for changes; 0s: only on SIGHUP");

    public static final ConfigKey<Integer> MQTT_MAX_SESSION_EXPIRY = new ConfigKey<>("mqtt.max_session_expiry",
            new IntegerRange(0, Integer.MAX_VALUE), "longest session expiry interval in seconds an MQTT 5 client "
            + "gets; one asking for more is told this value in CONNACK and held to it; 0 = no maximum");
    public static final ConfigKey<Integer> MQTT_MAX_KEEP_ALIVE = new ConfigKey<>("mqtt.max_keep_alive",
            new IntegerRange(0, 65_535), "longest keep-alive in seconds an MQTT 5 client may use; one asking for more "
            + "or for none is told this value (Server Keep Alive) and held to it; 0 = no maximum");
    public static final ConfigKey<String> MQTT_RESPONSE_INFORMATION = new ConfigKey<>("mqtt.response_information",
            new PlainText(65_535), "Response Information for MQTT 5 clients that request it, e.g. a topic prefix "
            + "for their responses; empty = none");
    public static final ConfigKey<String> MQTT_SERVER_REFERENCE = new ConfigKey<>("mqtt.server_reference",
            new PlainText(65_535), "redirects every new client: MQTT 5 clients get this Server Reference with "
            + "CONNACK 0x9C/0x9D, 3.1.1 clients CONNACK 0x03; empty = accept clients");
    public static final ConfigKey<String> MQTT_SERVER_REFERENCE_CODE = new ConfigKey<>("mqtt.server_reference_code",
            Choice.of("use_another_server", "server_moved"),
            "reason code of the redirect: use_another_server (0x9C, for now) or server_moved (0x9D, for good)");

    public static final ConfigKey<Integer> MQTT_MAXIMUM_QOS = new ConfigKey<>("mqtt.maximum_qos",
            new IntegerRange(0, 2), "highest QoS clients may publish with (Maximum QoS in an MQTT 5 CONNACK); above "
            + "it an MQTT 5 client gets DISCONNECT 0x9B, a 3.1.1 connection is closed");
    public static final ConfigKey<Boolean> MQTT_RETAIN_AVAILABLE = new ConfigKey<>("mqtt.retain_available", new Flag(),
            "whether clients may publish retained messages; false: RETAIN=1 gets an MQTT 5 client DISCONNECT 0x9A and "
            + "closes a 3.1.1 connection");

    public static final ConfigKey<Boolean> ADMIN_ENABLED = new ConfigKey<>("admin.enabled", new Flag(),
            "whether the admin HTTP listener (health, /metrics, REST API) runs");
    public static final ConfigKey<String> ADMIN_BIND = new ConfigKey<>("admin.bind", PatternText.hostAddress(),
            "address the admin HTTP listener binds to; loopback by default");
    public static final ConfigKey<Integer> ADMIN_PORT = new ConfigKey<>("admin.port", new IntegerRange(0, 65_535),
            "TCP port of the admin HTTP listener; 0 picks a free one");
    public static final ConfigKey<String> ADMIN_TOKEN = new ConfigKey<>("admin.token", new Secret(256),
            "bearer token for the admin REST API (Authorization: Bearer ...)");
    public static final ConfigKey<String> ADMIN_USERNAME = new ConfigKey<>("admin.username", PatternText.name(),
            "user name for the admin REST API (HTTP Basic), with admin.password");
    public static final ConfigKey<String> ADMIN_PASSWORD = new ConfigKey<>("admin.password", new Secret(256),
            "password for the admin REST API (HTTP Basic)");
    public static final ConfigKey<Duration> SYS_INTERVAL = new ConfigKey<>("sys.interval",
            new DurationRange(Duration.ZERO, Duration.ofHours(1)),
            "how often the $SYS topics are published; 0s turns them off");
    public static final ConfigKey<String> LOG_LEVEL = new ConfigKey<>("log.level", new LogLevel(),
            "level of the broker's own loggers (io.ternmq)");

    public static final List<ConfigKey<?>> ALL = List.of(LISTENER_BIND, LISTENER_PORT, LISTENER_ENABLED,
            LISTENER_MAX_CONNECTIONS, LISTENER_MAX_CONNECTIONS_PER_SECOND, LISTENER_ALLOW_ANONYMOUS,
            LIMITS_MAX_PACKET_SIZE, LIMITS_MAX_INFLIGHT_MESSAGES, LIMITS_MAX_QUEUED_MESSAGES, LIMITS_CONNECT_TIMEOUT,
            LIMITS_MAX_TOPIC_LENGTH, LIMITS_MAX_TOPIC_LEVELS, LIMITS_MAX_SUBSCRIPTIONS_PER_CLIENT,
            LIMITS_MAX_CONNECTIONS, LIMITS_MAX_PENDING_CONNECTS, LIMITS_MAX_MEMORY, LIMITS_MAX_CLIENT_MEMORY,
            LIMITS_SOCKET_SEND_BUFFER, LIMITS_SLOW_CONSUMER_POLICY, LIMITS_SLOW_CONSUMER_CLIENTS,
            SESSIONS_THREADS, SESSIONS_RUN_ON, SESSIONS_BALANCE_IO_THREADS,
            STORAGE_DATA_DIR, STORAGE_MODE,
            STORAGE_ON_CORRUPT, STORAGE_MAX_PENDING_WRITES,
            AUTH_PASSWORD_FILE, AUTH_ACL_FILE, AUTH_ALLOW_ANONYMOUS, AUTH_ANONYMOUS_LISTENERS, AUTH_RELOAD_INTERVAL,
            MQTT_MAX_KEEP_ALIVE, MQTT_RESPONSE_INFORMATION, MQTT_SERVER_REFERENCE, MQTT_SERVER_REFERENCE_CODE,
            MQTT_RECEIVE_MAXIMUM, MQTT_TOPIC_ALIAS_MAXIMUM, MQTT_OUTBOUND_TOPIC_ALIASES,
            MQTT_MAXIMUM_QOS, MQTT_RETAIN_AVAILABLE, MQTT_MAX_SESSION_EXPIRY,
            MQTT_SHARED_SUBSCRIPTIONS, MQTT_SUBSCRIPTION_IDENTIFIERS, MQTT_WILDCARD_SUBSCRIPTIONS,
            ADMIN_ENABLED, ADMIN_BIND, ADMIN_PORT, ADMIN_TOKEN, ADMIN_USERNAME, ADMIN_PASSWORD,
            SYS_INTERVAL, LOG_LEVEL);

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
