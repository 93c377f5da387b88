package io.ternmq.core;

import io.ternmq.store.InflightEntry;
import io.ternmq.store.StoredSession;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One persistent session as recovery rebuilds it from storage before handing it to its owner thread: in-flight in
 * sequence order, unreleased inbound QoS 2 ids, the next sequence to use (past every stored one) and its queue,
 * which stays on disk to be paged in ({@link StoredQueue}).
 */
record RecoveredSession(StoredSession stored, StoredQueue queued, List<InflightMessage> inflight,
                        Set<Integer> inboundPacketIds, long nextSequence) {

    static Builder builder(StoredSession stored) {
        return new Builder(stored);
    }

    /** Collects one session's rows while recovery streams the column families; queue rows are only counted. */
    static final class Builder {
        private final StoredSession stored;
        private final List<InflightEntry> inflightRows = new ArrayList<>();
        private final List<InflightMessage> inflight = new ArrayList<>();
        private final Set<Integer> inbound = new HashSet<>();
        private long queuedRows;
        private long maxSequence;

        private Builder(StoredSession stored) {
            this.stored = stored;
        }

        void queued(long sequence) {
            queuedRows++;
            maxSequence = Math.max(maxSequence, sequence);
        }

        void inflightRow(InflightEntry row) {
            inflightRows.add(row);
            maxSequence = Math.max(maxSequence, row.sequence());
        }

        List<InflightEntry> inflightRows() {
            return inflightRows;
        }

        void inflight(InflightMessage message) {
            inflight.add(message);
        }

        void inbound(int packetId) {
            inbound.add(packetId);
        }

        String clientId() {
            return stored.clientId();
        }

        long queuedRows() {
            return queuedRows;
        }

        RecoveredSession build(StoredQueue queue) {
            return new RecoveredSession(stored, queue, inflight, inbound, maxSequence + 1);
        }
    }
}
