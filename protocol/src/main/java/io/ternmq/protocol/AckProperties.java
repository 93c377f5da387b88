package io.ternmq.protocol;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The properties of PUBACK, PUBREC, PUBREL, PUBCOMP, SUBACK and UNSUBACK in MQTT 5: a reason string and user
 * properties, both optional diagnostics that a sender drops rather than exceed the receiver's maximum packet
 * size [MQTT-3.4.2-2] [MQTT-3.4.2-3].
 */
public record AckProperties(@Nullable String reasonString, List<UserProperty> userProperties)
        implements PacketProperties {

    public static final AckProperties EMPTY = new AckProperties(null, List.of());

    public AckProperties {
        userProperties = List.copyOf(userProperties);
    }

    public boolean isEmpty() {
        return reasonString == null && userProperties.isEmpty();
    }
}
