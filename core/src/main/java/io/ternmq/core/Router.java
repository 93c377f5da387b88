package io.ternmq.core;

import io.ternmq.protocol.Publish;
import org.jspecify.annotations.Nullable;

/**
 * Takes ownership of an authorized message and gets it to every matching subscription [MQTT-4.5.0-1]. A seam:
 * a cluster router will add remote nodes as targets. Called on the publisher's session thread.
 */
interface Router {

    /** Updates retained state per the message's RETAIN flag and delivers it to every matching session. */
    Routed route(Publish message);

    /**
     * The same, telling {@code ack} about every storage write it causes (retained update, message row, persistent
     * sessions' queue and in-flight rows), so that the PUBACK/PUBREC waits for them.
     */
    Routed route(Publish message, StoreAck ack);

    /**
     * The same for a message a client published: {@code publisher} is its session, whose No Local subscriptions
     * do not receive it [MQTT-3.8.3-3]; null when no client published it (a will, an operator).
     */
    Routed route(Publish message, @Nullable Session publisher, @Nullable StoreAck ack);
}
