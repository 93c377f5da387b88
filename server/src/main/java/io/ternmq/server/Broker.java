package io.ternmq.server;

import io.ternmq.core.BrokerStats;
import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A running TernMQ broker: the embedding API. {@code Broker.builder().port(0).start()} runs one in-process on an
 * ephemeral port; {@link #close()} stops it. The command line server uses the same API.
 */
public final class Broker implements AutoCloseable {

    private Broker() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The TCP port the MQTT listener is bound to (the real one when 0 was asked for). */
    public int port() {
        throw new UnsupportedOperationException("not written yet");
    }

    public BrokerStats stats() {
        throw new UnsupportedOperationException("not written yet");
    }

    /** Closes the listener and every connection, then stops the core. Idempotent. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("not written yet");
    }

    /** Settings of a broker to start; every one has a sensible default. */
    public static final class Builder {

        private Builder() {
        }

        /** Address to listen on; default 0.0.0.0. */
        public Builder bind(String address) {
            return this;
        }

        /** TCP port; 0 picks a free one; default 1883. */
        public Builder port(int port) {
            return this;
        }

        /** Largest accepted packet in bytes, fixed header included; default 268435460 (the protocol maximum). */
        public Builder maxPacketSize(int bytes) {
            return this;
        }

        public Builder sessionThreads(int threads) {
            return this;
        }

        public Builder maxInflightMessages(int messages) {
            return this;
        }

        public Builder maxQueuedMessages(int messages) {
            return this;
        }

        /** How long a new connection may take to send CONNECT before it is closed; default 10 s. */
        public Builder connectTimeout(Duration timeout) {
            return this;
        }

        /** Directory for broker data; created when missing. Default ./data. */
        public Builder dataDir(Path directory) {
            return this;
        }

        public Builder authenticator(Authenticator authenticator) {
            return this;
        }

        public Builder authorizer(Authorizer authorizer) {
            return this;
        }

        /** Binds the listener and starts serving; throws with a clear message when the port is taken. */
        public Broker start() {
            throw new UnsupportedOperationException("not written yet");
        }
    }
}
