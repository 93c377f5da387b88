package io.ternmq.protocol;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The properties of an MQTT 5 DISCONNECT (3.14.2.2). A server never sends the session expiry interval
 * [MQTT-3.14.2-2]; the reason string and user properties are optional diagnostics [MQTT-3.14.2-3]
 * [MQTT-3.14.2-4].
 */
public record DisconnectProperties(@Nullable Long sessionExpiryInterval, @Nullable String reasonString,
                                   List<UserProperty> userProperties, @Nullable String serverReference)
        implements PacketProperties {

    public static final DisconnectProperties EMPTY = new DisconnectProperties(null, null, List.of(), null);

    public DisconnectProperties {
        userProperties = List.copyOf(userProperties);
    }

    public boolean isEmpty() {
        return sessionExpiryInterval == null && reasonString == null && userProperties.isEmpty()
                && serverReference == null;
    }

    public DisconnectProperties withoutOptionalDiagnostics() {
        return reasonString == null && userProperties.isEmpty() ? this
                : new DisconnectProperties(sessionExpiryInterval, null, List.of(), serverReference);
    }
}
