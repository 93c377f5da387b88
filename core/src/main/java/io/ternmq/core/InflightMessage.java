package io.ternmq.core;

import io.ternmq.protocol.Publish;

/**
 * An outbound QoS 1/2 PUBLISH sent and not yet fully acknowledged. QoS 1 waits for PUBACK; QoS 2 waits for
 * PUBREC, then (PUBREL sent) for PUBCOMP [MQTT-4.3.3-1]. Keeps the delivery it came from (its stored row and
 * sequence for persistent sessions). Owned by the session's thread.
 */
final class InflightMessage {

    enum Stage { AWAITING_ACK, AWAITING_PUBCOMP }

    private final Publish publish;
    private final Delivery delivery;
    private Stage stage = Stage.AWAITING_ACK;

    InflightMessage(Publish publish, Delivery delivery) {
        this.publish = publish;
        this.delivery = delivery;
    }

    Publish publish() {
        return publish;
    }

    Delivery delivery() {
        return delivery;
    }

    Stage stage() {
        return stage;
    }

    void released() {
        stage = Stage.AWAITING_PUBCOMP;
    }

    /** The same PUBLISH flagged as a re-delivery [MQTT-3.3.1-1], with its original packet id [MQTT-4.4.0-1]. */
    Publish duplicate() {
        return new Publish(publish.topic(), publish.qos(), publish.retain(), true, publish.packetId(),
                publish.payload(), publish.properties());
    }
}
