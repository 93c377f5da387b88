package io.ternmq.protocol;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The properties of an MQTT 5 SUBSCRIBE (3.8.2.1): an optional subscription identifier (1..268435455). */
public record SubscribeProperties(@Nullable Integer subscriptionIdentifier, List<UserProperty> userProperties)
        implements PacketProperties {

    public static final SubscribeProperties EMPTY = new SubscribeProperties(null, List.of());

    public SubscribeProperties {
        userProperties = List.copyOf(userProperties);
    }
}
