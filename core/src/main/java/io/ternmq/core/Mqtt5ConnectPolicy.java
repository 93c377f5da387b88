package io.ternmq.core;

import org.jspecify.annotations.Nullable;

/**
 * How the broker answers an MQTT 5 CONNECT beyond its limits: the keep-alive it allows, the Response Information
 * it hands out, and whether it sends clients elsewhere. 3.1/3.1.1 clients are not affected, except that a redirect
 * refuses them too (they cannot be redirected).
 *
 * @param maxKeepAliveSeconds  the longest keep-alive a 5.0 client may use, 1..65535; a client asking for more, or
 *                             for none (0), is told this value as Server Keep Alive and held to it
 *                             [MQTT-3.1.2-21] [MQTT-3.2.2-21]; 0 means no maximum (the client's value is used)
 * @param responseInformation  the Response Information given to a client that asks for it (Request Response
 *                             Information = 1), e.g. a topic prefix for its responses; null gives none
 * @param redirect             when set, every new client is refused with a Server Reference
 */
public record Mqtt5ConnectPolicy(int maxKeepAliveSeconds, @Nullable String responseInformation,
                                 @Nullable ServerRedirect redirect) {

    /** No keep-alive maximum, no Response Information, no redirect. */
    public static final Mqtt5ConnectPolicy DEFAULTS = new Mqtt5ConnectPolicy(0, null, null);

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
    @Nullable Integer serverKeepAlive(int requestedSeconds) {
        if (maxKeepAliveSeconds == 0) {
            return null;
        }
        return requestedSeconds == 0 || requestedSeconds > maxKeepAliveSeconds ? maxKeepAliveSeconds : null;
    }
}
