package io.ternmq.core;

/**
 * What a session's outbound flow tells its storage: each QoS 1/2 message's moves between queue and flight. A
 * connection-lifetime session records nothing ({@link #NONE}); a persistent one writes through
 * ({@link PersistentJournal}). Called on the session's owner thread.
 */
interface OutboundJournal {

    /** Where a message sent into flight came from: straight from routing, or from the head of the queue. */
    enum Origin { DIRECT, QUEUE }

    void queued(Delivery delivery);

    /** The message went out with {@code packetId} and waits for its PUBACK or PUBREC. */
    void sent(InflightMessage message, Origin origin);

    /** PUBREC came, PUBREL sent: the payload is no longer needed. */
    void released(InflightMessage message);

    /** PUBACK or PUBCOMP came: the message is done. */
    void completed(InflightMessage message);

    /** The message is dropped without being sent (queue full, or a discarded session). */
    void dropped(Delivery delivery);

    /**
     * A queued message leaves the queue without being sent (it expired, or a slow-consumer policy dropped it): its
     * queue entry goes; {@link #dropped} follows.
     */
    default void unqueued(Delivery delivery) {
    }

    OutboundJournal NONE = new OutboundJournal() {
        @Override
        public void queued(Delivery delivery) {
        }

        @Override
        public void sent(InflightMessage message, Origin origin) {
        }

        @Override
        public void released(InflightMessage message) {
        }

        @Override
        public void completed(InflightMessage message) {
        }

        @Override
        public void dropped(Delivery delivery) {
        }
    };
}
