package io.ternmq.core;

import io.ternmq.protocol.Publish;

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
}
