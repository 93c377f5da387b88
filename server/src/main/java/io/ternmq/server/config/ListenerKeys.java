package io.ternmq.server.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The keys of one entry of the {@code listeners:} list. They are named {@code listeners.<field>} in messages but
 * are not in {@link ConfigKeys#ALL}: a list has no fixed environment variable or flag, so listeners are set in
 * the configuration file only.
 */
public final class ListenerKeys {

    public static final ConfigKey<String> NAME = new ConfigKey<>("listeners.name", PatternText.listenerName(),
            "unique name, used in logs and by authentication settings");
    public static final ConfigKey<String> TYPE = new ConfigKey<>("listeners.type", Choice.of("tcp", "tls", "ws", "wss"),
            "MQTT over TCP, TLS, WebSocket (path /mqtt) or WebSocket over TLS");
    public static final ConfigKey<String> BIND = new ConfigKey<>("listeners.bind", PatternText.hostAddress(),
            "address to bind to; default 0.0.0.0");
    public static final ConfigKey<Integer> PORT = new ConfigKey<>("listeners.port", new IntegerRange(0, 65_535),
            "TCP port; 0 picks a free one");
    public static final ConfigKey<Integer> MAX_CONNECTIONS = new ConfigKey<>("listeners.max_connections",
            new IntegerRange(0, Integer.MAX_VALUE), "connections held at once; 0 = unlimited (default)");
    public static final ConfigKey<Integer> MAX_CONNECTIONS_PER_SECOND = new ConfigKey<>(
            "listeners.max_connections_per_second", new IntegerRange(0, Integer.MAX_VALUE),
            "new connections accepted per second (also the burst); 0 = unlimited (default)");
    public static final ConfigKey<Boolean> ALLOW_ANONYMOUS = new ConfigKey<>("listeners.allow_anonymous", new Flag(),
            "whether clients without credentials may connect; default true");
    public static final ConfigKey<java.nio.file.Path> CERT_FILE = new ConfigKey<>("listeners.cert_file",
            new ReadableFile(), "PEM certificate chain, server certificate first (tls, wss)");
    public static final ConfigKey<java.nio.file.Path> KEY_FILE = new ConfigKey<>("listeners.key_file",
            new ReadableFile(), "PEM PKCS#8 private key, optionally encrypted (tls, wss)");
    public static final ConfigKey<String> KEY_PASSWORD = new ConfigKey<>("listeners.key_password", new Secret(1024),
            "password of an encrypted key_file");
    public static final ConfigKey<java.nio.file.Path> CA_FILE = new ConfigKey<>("listeners.ca_file",
            new ReadableFile(), "PEM CA bundle that client certificates must chain to");
    public static final ConfigKey<String> CLIENT_CERTIFICATES = new ConfigKey<>("listeners.client_certificates",
            Choice.of("none", "optional", "required"), "ask clients for a certificate; required = mutual TLS");
    public static final ConfigKey<String> CERTIFICATE_IDENTITY = new ConfigKey<>("listeners.certificate_identity",
            Choice.of("none", "cn", "san"), "client certificate field handed to authentication as identity");
    public static final ConfigKey<Duration> CERT_RELOAD_INTERVAL = new ConfigKey<>("listeners.cert_reload_interval",
            new DurationRange(Duration.ofMillis(100), Duration.ofHours(1)),
            "how often certificate files are checked for changes; default 5s");

    public static final ConfigKey<String> SLOW_CONSUMER_POLICY = new ConfigKey<>("listeners.slow_consumer_policy",
            SlowConsumerPolicies.POLICY, "drop_oldest, drop_newest or disconnect for this listener's clients over "
                    + "their memory budget; default limits.slow_consumer_policy");

    public static final List<ConfigKey<?>> ALL = List.of(NAME, TYPE, BIND, PORT, MAX_CONNECTIONS,
            MAX_CONNECTIONS_PER_SECOND, ALLOW_ANONYMOUS, SLOW_CONSUMER_POLICY, CERT_FILE, KEY_FILE, KEY_PASSWORD,
            CA_FILE, CLIENT_CERTIFICATES, CERTIFICATE_IDENTITY, CERT_RELOAD_INTERVAL);

    /** Keys that only TLS listeners (tls, wss) take. */
    public static final List<ConfigKey<?>> TLS_ONLY = List.of(CERT_FILE, KEY_FILE, KEY_PASSWORD, CA_FILE,
            CLIENT_CERTIFICATES, CERTIFICATE_IDENTITY, CERT_RELOAD_INTERVAL);

    private ListenerKeys() {
    }

    /** The key for {@code field} of a list entry, or an error at {@code origin} listing the fields. */
    static ConfigKey<?> require(String field, Origin origin) {
        String name = "listeners." + field;
        Optional<ConfigKey<?>> key = ALL.stream().filter(candidate -> candidate.name().equals(name)).findFirst();
        return key.orElseThrow(() -> new ConfigException(origin, "unknown listener key '" + field + "' (known: "
                + ALL.stream().map(ConfigKey::field).collect(Collectors.joining(", ")) + ")"));
    }
}
