package io.ternmq.core;

import org.jspecify.annotations.Nullable;

/**
 * Where a connection came in and what its transport proved about the peer: the listener's configured name and,
 * for TLS with a client certificate, the identity taken from that certificate (CN or SAN, as configured).
 */
public record ListenerIdentity(String listenerName, @Nullable String certificateIdentity) {

    /** A plain TCP listener named "tcp" with no certificate: the default of embedded and test brokers. */
    public static final ListenerIdentity PLAIN_TCP = new ListenerIdentity("tcp", null);
}
