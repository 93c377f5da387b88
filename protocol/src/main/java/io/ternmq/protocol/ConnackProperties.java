package io.ternmq.protocol;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The properties of an MQTT 5 CONNACK (3.2.2.3). A null field was absent. The reason string and the user
 * properties are the optional diagnostics a sender drops when the packet would exceed the receiver's maximum
 * packet size [MQTT-3.2.2-19] [MQTT-3.2.2-20].
 */
public record ConnackProperties(@Nullable Long sessionExpiryInterval, @Nullable Integer receiveMaximum,
                                @Nullable Qos maximumQos, @Nullable Boolean retainAvailable,
                                @Nullable Long maximumPacketSize, @Nullable String assignedClientIdentifier,
                                @Nullable Integer topicAliasMaximum, @Nullable String reasonString,
                                List<UserProperty> userProperties, @Nullable Boolean wildcardSubscriptionAvailable,
                                @Nullable Boolean subscriptionIdentifiersAvailable,
                                @Nullable Boolean sharedSubscriptionAvailable, @Nullable Integer serverKeepAlive,
                                @Nullable String responseInformation, @Nullable String serverReference,
                                @Nullable String authenticationMethod, byte @Nullable [] authenticationData)
        implements PacketProperties {

    public static final ConnackProperties EMPTY = new ConnackProperties(null, null, null, null, null, null, null,
            null, List.of(), null, null, null, null, null, null, null, null);

    public ConnackProperties {
        userProperties = List.copyOf(userProperties);
    }

    /** These properties without the reason string and the user properties. */
    public ConnackProperties withoutOptionalDiagnostics() {
        if (reasonString == null && userProperties.isEmpty()) {
            return this;
        }
        return new ConnackProperties(sessionExpiryInterval, receiveMaximum, maximumQos, retainAvailable,
                maximumPacketSize, assignedClientIdentifier, topicAliasMaximum, null, List.of(),
                wildcardSubscriptionAvailable, subscriptionIdentifiersAvailable, sharedSubscriptionAvailable,
                serverKeepAlive, responseInformation, serverReference, authenticationMethod, authenticationData);
    }
}
