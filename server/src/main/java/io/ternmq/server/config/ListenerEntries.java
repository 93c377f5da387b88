package io.ternmq.server.config;

import io.ternmq.core.SlowConsumerPolicy;
import io.ternmq.transport.AnonymousAccess;
import io.ternmq.transport.CertificateIdentity;
import io.ternmq.transport.ClientCertificates;
import io.ternmq.transport.ConnectionLimits;
import io.ternmq.transport.ListenerConfig;
import io.ternmq.transport.ListenerKind;
import io.ternmq.transport.TlsConfig;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the entries of the {@code listeners:} list into listener settings, checking what a single key cannot:
 * required keys, keys that only TLS listeners take, and names unique among all listeners.
 */
final class ListenerEntries {

    private ListenerEntries() {
    }

    /** @param takenNames names already used (the default listener's), to keep every name unique */
    static List<ListenerConfig> bind(List<ListenerEntry> entries, Set<String> takenNames) {
        Set<String> names = new HashSet<>(takenNames);
        List<ListenerConfig> listeners = new ArrayList<>();
        for (ListenerEntry entry : entries) {
            ListenerConfig listener = bind(entry);
            if (!names.add(listener.name())) {
                throw new ConfigException(entry.fields().get(ListenerKeys.NAME).origin(),
                        "duplicate listener name '" + listener.name() + "'");
            }
            listeners.add(listener);
        }
        return List.copyOf(listeners);
    }

    /** The listeners that set their own slow-consumer policy, by name. */
    static Map<String, SlowConsumerPolicy> slowConsumerPolicies(List<ListenerEntry> entries) {
        Map<String, SlowConsumerPolicy> policies = new HashMap<>();
        for (ListenerEntry entry : entries) {
            if (entry.fields().containsKey(ListenerKeys.SLOW_CONSUMER_POLICY)) {
                policies.put(required(entry, ListenerKeys.NAME),
                        SlowConsumerPolicies.policy(required(entry, ListenerKeys.SLOW_CONSUMER_POLICY)));
            }
        }
        return policies;
    }

    private static ListenerConfig bind(ListenerEntry entry) {
        String name = required(entry, ListenerKeys.NAME);
        ListenerKind kind = ListenerKind.valueOf(required(entry, ListenerKeys.TYPE).toUpperCase(Locale.ROOT));
        int port = required(entry, ListenerKeys.PORT);
        String bind = optional(entry, ListenerKeys.BIND, "0.0.0.0");
        var limits = new ConnectionLimits(optional(entry, ListenerKeys.MAX_CONNECTIONS, 0),
                optional(entry, ListenerKeys.MAX_CONNECTIONS_PER_SECOND, 0));
        var anonymous = optional(entry, ListenerKeys.ALLOW_ANONYMOUS, true)
                ? AnonymousAccess.ALLOWED : AnonymousAccess.DENIED;
        return new ListenerConfig(name, kind, bind, port, limits, anonymous, tls(entry, name, kind));
    }

    private static @Nullable TlsConfig tls(ListenerEntry entry, String name, ListenerKind kind) {
        if (kind.security() == ListenerKind.Security.PLAIN) {
            for (ConfigKey<?> key : ListenerKeys.TLS_ONLY) {
                RawValue value = entry.fields().get(key);
                if (value != null) {
                    throw new ConfigException(value.origin(), "listener '" + name + "' of type "
                            + kind.name().toLowerCase(Locale.ROOT) + " takes no " + key.field()
                            + " (only tls and wss listeners do)");
                }
            }
            return null;
        }
        var clientCertificates = ClientCertificates.valueOf(
                optional(entry, ListenerKeys.CLIENT_CERTIFICATES, "none").toUpperCase(Locale.ROOT));
        var caFile = entry.fields().containsKey(ListenerKeys.CA_FILE) ? required(entry, ListenerKeys.CA_FILE) : null;
        if (clientCertificates != ClientCertificates.NONE && caFile == null) {
            throw new ConfigException(entry.fields().get(ListenerKeys.CLIENT_CERTIFICATES).origin(),
                    "listener '" + name + "': client_certificates " + clientCertificates.name().toLowerCase(Locale.ROOT)
                            + " needs a ca_file to verify them");
        }
        var identity = switch (optional(entry, ListenerKeys.CERTIFICATE_IDENTITY, "none")) {
            case "cn" -> CertificateIdentity.COMMON_NAME;
            case "san" -> CertificateIdentity.SUBJECT_ALT_NAME;
            default -> CertificateIdentity.NONE;
        };
        return new TlsConfig(required(entry, ListenerKeys.CERT_FILE), required(entry, ListenerKeys.KEY_FILE),
                entry.fields().containsKey(ListenerKeys.KEY_PASSWORD) ? required(entry, ListenerKeys.KEY_PASSWORD)
                        : null,
                caFile, clientCertificates, identity,
                optional(entry, ListenerKeys.CERT_RELOAD_INTERVAL, TlsConfig.DEFAULT_RELOAD_INTERVAL));
    }

    private static <T> T required(ListenerEntry entry, ConfigKey<T> key) {
        RawValue value = entry.fields().get(key);
        if (value == null) {
            throw new ConfigException(entry.origin(), "listener entry has no " + key.field() + " (required: name, "
                    + "type, port; tls and wss also cert_file and key_file)");
        }
        return key.parse(value);
    }

    private static <T> T optional(ListenerEntry entry, ConfigKey<T> key, T fallback) {
        RawValue value = entry.fields().get(key);
        return value == null ? fallback : key.parse(value);
    }
}
