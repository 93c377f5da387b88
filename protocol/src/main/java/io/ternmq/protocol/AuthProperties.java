package io.ternmq.protocol;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The properties of an MQTT 5 AUTH (3.15.2.2). The reason string and user properties are optional
 * diagnostics [MQTT-3.15.2-2] [MQTT-3.15.2-3].
 */
public record AuthProperties(@Nullable String authenticationMethod, byte @Nullable [] authenticationData,
                             @Nullable String reasonString, List<UserProperty> userProperties)
        implements PacketProperties {

    public static final AuthProperties EMPTY = new AuthProperties(null, null, null, List.of());

    public AuthProperties {
        userProperties = List.copyOf(userProperties);
    }

    public boolean isEmpty() {
        return authenticationMethod == null && authenticationData == null && reasonString == null
                && userProperties.isEmpty();
    }

    public AuthProperties withoutOptionalDiagnostics() {
        return reasonString == null && userProperties.isEmpty() ? this
                : new AuthProperties(authenticationMethod, authenticationData, null, List.of());
    }
}
