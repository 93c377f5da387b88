package io.ternmq.protocol;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The will properties of an MQTT 5 CONNECT (3.1.3.2). A null field was absent. */
public record WillProperties(@Nullable Long willDelayInterval, @Nullable PayloadFormat payloadFormatIndicator,
                             @Nullable Long messageExpiryInterval, @Nullable String contentType,
                             @Nullable String responseTopic, byte @Nullable [] correlationData,
                             List<UserProperty> userProperties) implements PacketProperties {

    public static final WillProperties EMPTY = new WillProperties(null, null, null, null, null, null, List.of());

    public WillProperties {
        userProperties = List.copyOf(userProperties);
    }
}
