package io.ternmq.core;

import io.ternmq.protocol.ConnackProperties;
import io.ternmq.protocol.MalformedPacketException;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.ReasonCode;
import org.jspecify.annotations.Nullable;

import java.util.function.IntPredicate;

/**
 * What an MQTT 5 connection checks on each PUBLISH before it is routed (3.3.2.3.4, 3.3.4): its topic alias is
 * resolved ({@link InboundTopicAliases}) and it must fit in the Receive Maximum our CONNACK gave
 * ({@link InboundQuota}). A QoS 2 PUBLISH whose packet id is still unreleased is a resend the client does not
 * count again, so neither do we. A 3.1.1 connection has neither aliases nor a quota ({@link #NONE}). Owner thread.
 */
final class InboundPublishes {

    static final InboundPublishes NONE = new InboundPublishes(new InboundTopicAliases(0), null, packetId -> false);

    private InboundTopicAliases aliases;
    private @Nullable InboundQuota quota;
    private final IntPredicate unreleased;

    private InboundPublishes(InboundTopicAliases aliases, @Nullable InboundQuota quota, IntPredicate unreleased) {
        this.aliases = aliases;
        this.quota = quota;
        this.unreleased = unreleased;
    }

    /**
     * For an MQTT 5 connection: the Topic Alias Maximum and Receive Maximum our CONNACK announced; {@code unreleased}
     * tells whether a QoS 2 packet id is still waiting for its PUBREL in the session.
     */
    static InboundPublishes mqtt5(int topicAliasMaximum, int receiveMaximum, IntPredicate unreleased) {
        return new InboundPublishes(new InboundTopicAliases(topicAliasMaximum), new InboundQuota(receiveMaximum),
                unreleased);
    }

    /**
     * The limits the CONNACK as sent announced: the ones enforced from now on (absent properties mean a Topic Alias
     * Maximum of 0 and a Receive Maximum of 65535). Called before any PUBLISH of the connection is handled.
     */
    void announced(ConnackProperties connack) {
        Integer topicAliasMaximum = connack.topicAliasMaximum();
        Integer receiveMaximum = connack.receiveMaximum();
        aliases = new InboundTopicAliases(topicAliasMaximum == null ? 0 : topicAliasMaximum);
        quota = new InboundQuota(receiveMaximum == null ? ClientLimits.DEFAULT_RECEIVE_MAXIMUM : receiveMaximum);
    }

    /**
     * The PUBLISH to route, its topic resolved; throws {@link MalformedPacketException} with the reason code to
     * disconnect with: 0x94 or 0x82 for a bad alias, 0x93 beyond our Receive Maximum [MQTT-3.3.4-7].
     */
    Publish admit(Publish publish) {
        Publish routed = aliases.resolve(publish);
        InboundQuota counted = quota;
        if (counted == null) {
            return routed;
        }
        boolean counts = switch (publish.qos()) {
            case AT_MOST_ONCE -> false;
            case AT_LEAST_ONCE -> true;
            case EXACTLY_ONCE -> !unreleased.test(publish.packetId());
        };
        if (counts && !counted.admit()) {
            throw new MalformedPacketException(ReasonCode.RECEIVE_MAXIMUM_EXCEEDED,
                    "more unacknowledged QoS 1/2 PUBLISHes than the receive maximum"); // [MQTT-3.3.4-7]
        }
        return routed;
    }

    /** Each packet sent to the client, so that acknowledgements free their place in the quota. */
    void sent(MqttPacket packet) {
        InboundQuota counted = quota;
        if (counted != null) {
            counted.sent(packet);
        }
    }
}
