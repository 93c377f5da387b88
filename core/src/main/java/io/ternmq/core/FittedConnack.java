package io.ternmq.core;

import io.ternmq.protocol.Connack;
import io.ternmq.protocol.ConnackProperties;

/**
 * The accepting CONNACK made to fit the client's Maximum Packet Size [MQTT-3.1.2-24]. Beyond the reason string and
 * user properties ({@link FittedChannel} drops those), the one property that may go is the Topic Alias Maximum:
 * absent, it means 0, which only restricts the client, and the connection then enforces 0
 * ({@link InboundPublishes#announced}). Every other property must stay, since its absence would allow more (no
 * packet size limit, a Receive Maximum of 65535, features available); a CONNACK still too large is not sent.
 */
final class FittedConnack {

    private FittedConnack() {
    }

    static Connack fit(Connack connack, PacketSizeLimit limit) {
        ConnackProperties p = connack.properties();
        if (p.topicAliasMaximum() == null || limit.fits(connack.withoutOptionalDiagnostics())) {
            return connack;
        }
        var withoutAliases = new ConnackProperties(p.sessionExpiryInterval(), p.receiveMaximum(), p.maximumQos(),
                p.retainAvailable(), p.maximumPacketSize(), p.assignedClientIdentifier(), null, p.reasonString(),
                p.userProperties(), p.wildcardSubscriptionAvailable(), p.subscriptionIdentifiersAvailable(),
                p.sharedSubscriptionAvailable(), p.serverKeepAlive(), p.responseInformation(), p.serverReference(),
                p.authenticationMethod(), p.authenticationData());
        return new Connack(connack.sessionPresent(), connack.returnCode(), withoutAliases);
    }
}
