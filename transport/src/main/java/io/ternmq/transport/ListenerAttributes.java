package io.ternmq.transport;

import io.netty.util.AttributeKey;
import io.ternmq.core.ListenerIdentity;

/**
 * What a channel's pipeline learns about its connection for the core: set on accept (listener name) and again
 * when a TLS handshake proves a client certificate. A channel attribute because the handlers that learn it and
 * {@link NettyClientChannel}, which reports it from a session thread, are different objects on different threads.
 */
final class ListenerAttributes {

    static final AttributeKey<ListenerIdentity> IDENTITY = AttributeKey.valueOf("ternmq.listenerIdentity");

    private ListenerAttributes() {
    }
}
