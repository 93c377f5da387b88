package io.ternmq.core;

import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.Will;
import org.jspecify.annotations.Nullable;

/**
 * How the broker answers an MQTT 5 CONNECT beyond its limits: the keep-alive it allows, the Response Information
 * it hands out, whether it sends clients elsewhere, and the QoS and retain support it announces and holds clients
 * to. 3.1/3.1.1 clients keep their own keep-alive; a redirect refuses them too (they cannot be redirected), and a
 * PUBLISH or will beyond the QoS or retain support closes their connection (3.1.1 has no way to say why).
 *
 * @param maxKeepAliveSeconds  the longest keep-alive a 5.0 client may use, 1..65535; a client asking for more, or
 *                             for none (0), is told this value as Server Keep Alive and held to it
 *                             [MQTT-3.1.2-21] [MQTT-3.2.2-21]; 0 means no maximum (the client's value is used)
 * @param responseInformation  the Response Information given to a client that asks for it (Request Response
 *                             Information = 1), e.g. a topic prefix for its responses; null gives none
 * @param redirect             when set, every new client is refused with a Server Reference
 * @param maximumQos           the highest QoS a client may publish (and use for its will) [MQTT-3.2.2-9]
 * @param retain               whether a client may publish (and will) retained messages
 */
public record Mqtt5ConnectPolicy(int maxKeepAliveSeconds, @Nullable String responseInformation,
                                 @Nullable ServerRedirect redirect, Qos maximumQos, RetainSupport retain) {

    /** No keep-alive maximum, no Response Information, no redirect, every QoS, retained messages. */
    public static final Mqtt5ConnectPolicy DEFAULTS = new Mqtt5ConnectPolicy(0, null, null);

    /** Every QoS and retained messages supported. */
    public Mqtt5ConnectPolicy(int maxKeepAliveSeconds, @Nullable String responseInformation,
                              @Nullable ServerRedirect redirect) {
        this(maxKeepAliveSeconds, responseInformation, redirect, Qos.EXACTLY_ONCE, RetainSupport.AVAILABLE);
    }

    public Mqtt5ConnectPolicy {
        if (maxKeepAliveSeconds < 0 || maxKeepAliveSeconds > 65_535) {
            throw new IllegalArgumentException("maxKeepAliveSeconds must be 0..65535, was " + maxKeepAliveSeconds);
        }
        if (responseInformation != null && responseInformation.isEmpty()) {
            responseInformation = null;
        }
    }

    /**
     * The Server Keep Alive to announce for a client that asked for {@code requestedSeconds}, or null when the
     * client's own value stands (then the broker enforces exactly that [MQTT-3.2.2-22]).
     */
    /** Why this PUBLISH is refused: 0x9B [MQTT-3.2.2-11], 0x9A [MQTT-3.2.2-14]; null when it is supported. */
    @Nullable ReasonCode unsupported(Publish publish) {
        return unsupported(publish.qos(), publish.retain());
    }

    /** Why this will is refused: 0x9B [MQTT-3.2.2-12], 0x9A [MQTT-3.2.2-13]; null when it is supported. */
    @Nullable ReasonCode unsupported(Will will) {
        return unsupported(will.qos(), will.retain());
    }

    private @Nullable ReasonCode unsupported(Qos qos, boolean retainFlag) {
        if (qos.value() > maximumQos.value()) {
            return ReasonCode.QOS_NOT_SUPPORTED;
        }
        return retainFlag && retain == RetainSupport.UNAVAILABLE ? ReasonCode.RETAIN_NOT_SUPPORTED : null;
    }

    @Nullable Integer serverKeepAlive(int requestedSeconds) {
        if (maxKeepAliveSeconds == 0) {
            return null;
        }
        return requestedSeconds == 0 || requestedSeconds > maxKeepAliveSeconds ? maxKeepAliveSeconds : null;
    }
}
