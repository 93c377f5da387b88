package io.ternmq.protocol;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The properties of an MQTT 5 PUBLISH (3.3.2.3). A null field was absent. Subscription identifiers appear
 * only on PUBLISH from server to client, one per matching subscription that has one [MQTT-3.3.4-4].
 * User properties are forwarded unchanged and in order [MQTT-3.3.2-17] [MQTT-3.3.2-18], so they are never
 * optional diagnostics.
 */
public record PublishProperties(@Nullable PayloadFormat payloadFormatIndicator,
                                @Nullable Long messageExpiryInterval, @Nullable Integer topicAlias,
                                @Nullable String responseTopic, byte @Nullable [] correlationData,
                                List<UserProperty> userProperties, List<Integer> subscriptionIdentifiers,
                                @Nullable String contentType) implements PacketProperties {

    public static final PublishProperties EMPTY =
            new PublishProperties(null, null, null, null, null, List.of(), List.of(), null);

    public PublishProperties {
        userProperties = List.copyOf(userProperties);
        subscriptionIdentifiers = List.copyOf(subscriptionIdentifiers);
    }
}
