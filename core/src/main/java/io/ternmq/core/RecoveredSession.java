package io.ternmq.core;

import io.ternmq.store.StoredSession;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One persistent session as recovery rebuilds it from storage before handing it to its owner thread: queue and
 * in-flight in sequence order, unreleased inbound QoS 2 ids, and the next sequence to use (past every stored one).
 */
record RecoveredSession(StoredSession stored, List<Delivery> queued, List<InflightMessage> inflight,
                        Set<Integer> inboundPacketIds, long nextSequence) {

    static Builder builder(StoredSession stored) {
        return new Builder(stored);
    }

    /** Collects one session's rows while recovery streams the column families. */
    static final class Builder {
        private final StoredSession stored;
        private final List<Delivery> queued = new ArrayList<>();
        private final List<InflightMessage> inflight = new ArrayList<>();
        private final Set<Integer> inbound = new HashSet<>();
        private long maxSequence;

        private Builder(StoredSession stored) {
            this.stored = stored;
        }

        void queued(Delivery delivery) {
            queued.add(delivery);
            maxSequence = Math.max(maxSequence, delivery.sequence());
        }

        void inflight(InflightMessage message) {
            inflight.add(message);
            maxSequence = Math.max(maxSequence, message.delivery().sequence());
        }

        void inbound(int packetId) {
            inbound.add(packetId);
        }

        RecoveredSession build() {
            return new RecoveredSession(stored, queued, inflight, inbound, maxSequence + 1);
        }
    }
}
