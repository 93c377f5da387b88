package io.ternmq.core;

/**
 * What the broker does when a client's held messages would exceed its memory budget (a slow consumer, or an
 * offline persistent session whose queue keeps growing). Whatever the policy, QoS 0 messages go first: held
 * QoS 0 messages are dropped before any QoS 1/2 message is, and a new QoS 0 message never displaces an older
 * QoS 1/2 one. Every drop is counted for the client.
 */
public enum SlowConsumerPolicy {
    /** Drop the oldest held messages (QoS 0 first, then queued QoS 1/2) to make room for the new one. */
    DROP_OLDEST,
    /** Keep what is held and drop the new message (held QoS 0 still make room for a new QoS 1/2 one). */
    DROP_NEWEST,
    /**
     * Close the connection (MQTT 5: DISCONNECT with Quota exceeded); its held QoS 0 messages are dropped, a
     * persistent session keeps its queue. An offline session cannot be disconnected: it drops the newest.
     */
    DISCONNECT
}
