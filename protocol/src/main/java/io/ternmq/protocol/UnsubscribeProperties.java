package io.ternmq.protocol;

import java.util.List;

/** The properties of an MQTT 5 UNSUBSCRIBE (3.10.2.1): user properties only. */
public record UnsubscribeProperties(List<UserProperty> userProperties) implements PacketProperties {

    public static final UnsubscribeProperties EMPTY = new UnsubscribeProperties(List.of());

    public UnsubscribeProperties {
        userProperties = List.copyOf(userProperties);
    }
}
