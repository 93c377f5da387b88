package io.ternmq.core;

import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.Puback;
import io.ternmq.protocol.Pubcomp;
import io.ternmq.protocol.Pubrec;
import io.ternmq.protocol.ReasonCode;

/**
 * The Receive Maximum our CONNACK gave an MQTT 5 client, enforced on its connection (3.3.4, 4.9): it may have at
 * most that many QoS 1/2 PUBLISHes unacknowledged [MQTT-3.3.4-7]. Model: {@code unacknowledged} counts the QoS
 * 1/2 PUBLISHes admitted on this connection and not yet answered by a PUBACK, a PUBREC with an error code or a
 * PUBCOMP (as sent, so an acknowledgement held back for storage still counts, as the client sees it). It never
 * goes below zero: a PUBCOMP for a PUBLISH of an earlier connection (its PUBREL resent after a reconnect) finds
 * nothing counted here, as the client's quota restarted at our maximum (4.9). Owner thread only.
 */
final class InboundQuota {

    private final int maximum;
    private int unacknowledged;

    InboundQuota(int maximum) {
        if (maximum < 1 || maximum > 65_535) {
            throw new IllegalArgumentException("receive maximum must be 1..65535, was " + maximum);
        }
        this.maximum = maximum;
    }

    /** Counts one more QoS 1/2 PUBLISH; false when the client already had the maximum unacknowledged. */
    boolean admit() {
        if (unacknowledged >= maximum) {
            return false;
        }
        unacknowledged++;
        return true;
    }

    /** Sees each packet sent to the client: acknowledgements that end a PUBLISH's flow free its place. */
    void sent(MqttPacket packet) {
        boolean ends = switch (packet) {
            case Puback ack -> true;
            case Pubrec rec -> rec.reasonCode().value() >= 0x80; // a refused QoS 2 PUBLISH ends there
            case Pubcomp comp -> comp.reasonCode() == ReasonCode.SUCCESS; // 0x92: nothing was counted for it
            default -> false;
        };
        if (ends && unacknowledged > 0) {
            unacknowledged--;
        }
    }

    int unacknowledged() {
        return unacknowledged;
    }
}
