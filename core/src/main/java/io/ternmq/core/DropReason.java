package io.ternmq.core;

/**
 * Why a message was not delivered: the label of the drop counter. MQTT 5 will add reasons (message expiry,
 * packet too large for the receiver) that do not exist in 3.1.1.
 */
public enum DropReason {
    /** A QoS 1/2 message found the session's queue full. */
    QUEUE_FULL,
    /** The authorizer refused the PUBLISH (or will); 3.1.1 acknowledges it anyway [MQTT-3.3.5-2]. */
    NOT_AUTHORIZED,
    /** No subscription matched the topic of a message that is not retained (a retained one is kept, not dropped). */
    NO_SUBSCRIBERS,
    /** A QoS 0 message for a session whose client is offline: QoS 0 is never queued. */
    QOS0_OFFLINE,
    /** Beyond the MQTT 5 client's Maximum Packet Size: discarded as if delivered [MQTT-3.1.2-25]. */
    PACKET_TOO_LARGE,
    /** The message expiry interval (MQTT 5) ran out before delivery to the subscriber began [MQTT-3.3.2-5]. */
    EXPIRED,
    /**
     * The client's memory budget (or the broker's) was exceeded and its slow-consumer policy dropped the message:
     * a new one, an older held one, or the QoS 0 messages held for a connection the policy closed.
     */
    SLOW_CONSUMER
}
