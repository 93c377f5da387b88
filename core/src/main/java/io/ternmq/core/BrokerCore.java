package io.ternmq.core;

import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;

/**
 * The broker without its network: sessions, routing, retained messages and wills. The transport creates one
 * {@link MqttConnection} per accepted connection through {@link #accept(ClientChannel)}.
 */
public final class BrokerCore implements AutoCloseable {

    public BrokerCore(CoreConfig config, Authenticator authenticator, Authorizer authorizer, Clock clock) {
        throw new UnsupportedOperationException("core not written yet");
    }

    public MqttConnection accept(ClientChannel channel) {
        throw new UnsupportedOperationException("core not written yet");
    }

    /** Counters for observability and tests. */
    public BrokerStats stats() {
        throw new UnsupportedOperationException("core not written yet");
    }

    /** Stops the session executors; connections must have been closed by the transport first. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("core not written yet");
    }
}
