package io.ternmq.core;

import io.ternmq.protocol.MqttPacket;

import java.util.ArrayDeque;

/**
 * A connection's acknowledgements (PUBACK, PUBREC, PUBCOMP) in the order their packets arrived, each sent once
 * its message is stored: an ack whose write finished early waits for the ones before it. 3.1.1 states this order
 * for clients ([MQTT-4.6.0-2] PUBACK, [MQTT-4.6.0-3] PUBREC); the broker keeps it too, so a publisher never sees an
 * ack overtake an earlier one. Owned by the connection's session thread.
 */
final class AckOrder {

    /** One acknowledgement waiting for its turn. */
    static final class Slot {
        private MqttPacket ack;
        private boolean ready;

        private Slot(MqttPacket ack) {
            this.ack = ack;
        }

        /**
         * Replaces the acknowledgement before it is ready: its MQTT 5 reason code is known only once the message
         * was routed, while its place in the order is taken when it arrives.
         */
        void answer(MqttPacket replacement) {
            assert !ready : "an acknowledgement is final once ready";
            ack = replacement;
        }
    }

    private final ClientChannel channel;
    /** Empty on an idle connection: starts with one slot, not the default 16 (bench connections scenario). */
    private final ArrayDeque<Slot> waiting = new ArrayDeque<>(0);

    AckOrder(ClientChannel channel) {
        this.channel = channel;
    }

    Slot expect(MqttPacket ack) {
        Slot slot = new Slot(ack);
        waiting.addLast(slot);
        return slot;
    }

    /** The slot's message is stored: send it and every ready one behind it, in order. */
    void ready(Slot slot) {
        slot.ready = true;
        while (!waiting.isEmpty() && waiting.peekFirst().ready) {
            channel.send(waiting.pollFirst().ack);
        }
    }

    /** Whether no acknowledgement waits. */
    boolean isEmpty() {
        return waiting.isEmpty();
    }

    /** An ack that waits for nothing but the ones before it. */
    void sendInOrder(MqttPacket ack) {
        if (waiting.isEmpty()) {
            channel.send(ack);
        } else {
            ready(expect(ack));
        }
    }
}
