package io.ternmq.core;

import io.ternmq.protocol.Publish;
import io.ternmq.protocol.PublishProperties;
import io.ternmq.store.InflightEntry;
import io.ternmq.store.InflightStage;
import io.ternmq.store.QueuedMessage;
import io.ternmq.store.Storage;
import io.ternmq.store.StoredMessage;
import io.ternmq.store.StoredSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rebuilds persistent sessions from storage at start, in memory bounded by the sessions and their in-flight
 * windows, not by their queues: each column family is streamed once in key order (one row decoded at a time);
 * queue rows are only counted, and stay on disk to be paged in by their session ({@link StoredQueue}). What
 * recovery keeps for them is one {@code long} per row while it runs ({@link MessageReferences}), and afterwards one
 * entry per message row shared by several holders ({@link SharedRows}). Reference counts of message rows are
 * recounted from the queue and in-flight rows; rows left without a holder by a crash (or by a session removed in
 * the same instant) are deleted, as are queue and in-flight rows of sessions that no longer exist.
 */
final class Recovery {

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);
    private static final byte[] NO_PAYLOAD = new byte[0];

    private final Storage storage;
    private final int pageSize;
    private final MessageReferences references = new MessageReferences();
    private final SharedRows sharedRows = new SharedRows();
    private final Map<String, RecoveredSession.Builder> sessions = new HashMap<>();
    private long maxMessageId;
    private long skipped;
    private long queued;

    private Recovery(Storage storage, int pageSize) {
        this.storage = storage;
        this.pageSize = pageSize;
    }

    /** What was recovered: the sessions and the first free message id. */
    record Result(Collection<RecoveredSession> sessions, long nextMessageId) {
    }

    /** Recovers, leaving queues on disk to be paged in {@code pageSize} messages at a time. */
    static Result run(Storage storage, int pageSize) {
        return new Recovery(storage, pageSize).recover();
    }

    private Result recover() {
        long started = System.nanoTime();
        for (StoredSession session : storage.sessions().all()) {
            sessions.put(session.clientId(), RecoveredSession.builder(session));
        }
        storage.queues().forEach(this::queued);
        storage.inflight().forEach(this::inflightRow);
        storage.inboundPacketIds().forEach(id -> {
            RecoveredSession.Builder session = sessions.get(id.clientId());
            if (session == null) {
                storage.inboundPacketIds().remove(id);
            } else {
                session.inbound(id.packetId());
            }
        });
        references.sort();
        references.forEachShared(sharedRows::register);
        long[] counts = new long[2]; // stored, orphans
        storage.messages().forEachId(id -> {
            maxMessageId = Math.max(maxMessageId, id);
            if (references.count(id) == 0) {
                storage.messages().remove(id);
                counts[1]++;
            } else {
                counts[0]++;
            }
        });
        List<RecoveredSession> result = sessions.values().stream().map(this::build).toList();
        if (!sessions.isEmpty() || counts[0] + counts[1] > 0) {
            LOG.info("recovered {} sessions, {} queued messages (paged in as queues drain) and {} stored messages in"
                            + " {} ms ({} unreferenced messages removed, {} rows without a session or message"
                            + " skipped)", sessions.size(), queued, counts[0],
                    (System.nanoTime() - started) / 1_000_000, counts[1], skipped);
        }
        return new Result(result, maxMessageId + 1);
    }

    private void queued(QueuedMessage entry) {
        RecoveredSession.Builder session = sessions.get(entry.clientId());
        if (session == null) {
            storage.queues().remove(entry.clientId(), entry.sequence());
            skipped++;
            return;
        }
        session.queued(entry.sequence());
        references.add(entry.messageId());
        queued++;
    }

    private void inflightRow(InflightEntry entry) {
        RecoveredSession.Builder session = sessions.get(entry.clientId());
        if (session == null) {
            storage.inflight().remove(entry.clientId(), entry.sequence());
            skipped++;
            return;
        }
        session.inflightRow(entry);
        if (entry.stage() == InflightStage.PUBLISH_SENT) {
            references.add(entry.messageId());
        }
    }

    private RecoveredSession build(RecoveredSession.Builder session) {
        session.inflightRows().forEach(row -> inflight(session, row));
        var queue = new StoredQueue(session.clientId(), storage, sharedRows, pageSize, session.queuedRows());
        return session.build(queue);
    }

    /** In-flight rows are few (one window per session): their payloads are read now, one point read each. */
    private void inflight(RecoveredSession.Builder session, InflightEntry entry) {
        boolean needsPayload = entry.stage() == InflightStage.PUBLISH_SENT;
        Optional<StoredMessage> found = needsPayload ? storage.messages().find(entry.messageId()) : Optional.empty();
        if (needsPayload && found.isEmpty()) {
            storage.inflight().remove(entry.clientId(), entry.sequence());
            sharedRows.take(entry.messageId()).release(storage.messages());
            skipped++;
            return;
        }
        StoredMessage message = found.orElse(null);
        String topic = message == null ? "" : message.topic();
        byte[] payload = message == null ? NO_PAYLOAD : message.payload();
        // a message past PUBREC let go of its row: a placeholder with no reference keeps the id for the PUBCOMP
        PersistedMessage row = needsPayload ? sharedRows.take(entry.messageId())
                : new PersistedMessage(entry.messageId(), 0);
        PublishProperties properties = message == null ? PublishProperties.EMPTY : message.properties();
        var delivery = new Delivery(topic, payload, entry.qos(), entry.retain(), entry.sequence(), row, properties);
        var publish = new Publish(topic, entry.qos(), entry.retain(), false, entry.packetId(), payload, properties);
        var inflight = new InflightMessage(publish, delivery);
        if (!needsPayload) {
            inflight.released();
        }
        session.inflight(inflight);
    }
}
