package io.ternmq.protocol;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The properties of an MQTT 5 CONNECT (3.1.2.11). A null field was absent, and the receiver applies the
 * spec's default (e.g. session expiry 0, receive maximum 65535, no packet size limit). Four-byte integers are
 * unsigned and held in a long.
 */
public record ConnectProperties(@Nullable Long sessionExpiryInterval, @Nullable Integer receiveMaximum,
                                @Nullable Long maximumPacketSize, @Nullable Integer topicAliasMaximum,
                                @Nullable Boolean requestResponseInformation,
                                @Nullable Boolean requestProblemInformation, @Nullable String authenticationMethod,
                                byte @Nullable [] authenticationData, List<UserProperty> userProperties)
        implements PacketProperties {

    public static final ConnectProperties EMPTY =
            new ConnectProperties(null, null, null, null, null, null, null, null, List.of());

    public ConnectProperties {
        userProperties = List.copyOf(userProperties);
    }
}
