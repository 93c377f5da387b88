package io.ternmq.server.config;

import io.ternmq.transport.AnonymousAccess;
import io.ternmq.transport.ConnectionLimits;

/**
 * The {@code listener} section: the default MQTT TCP listener (named "tcp"); more listeners of every kind are in
 * the {@code listeners} list.
 */
public record ListenerConfig(String bind, int port, DefaultListener state, ConnectionLimits limits,
                             AnonymousAccess anonymous) {

    /** Whether the default listener runs. */
    public enum DefaultListener { ENABLED, DISABLED }

    /** An enabled listener without limits that allows anonymous clients. */
    public ListenerConfig(String bind, int port) {
        this(bind, port, DefaultListener.ENABLED, ConnectionLimits.UNLIMITED, AnonymousAccess.ALLOWED);
    }
}
