package io.ternmq.core;

import io.ternmq.protocol.Publish;
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
import java.util.Map;

/**
 * Rebuilds persistent sessions from storage at start. Each column family is streamed once in key order (one row
 * decoded at a time), so memory holds only what the live broker holds anyway. Reference counts of message rows
 * are recounted from the queue and in-flight rows; rows left without a holder by a crash (or by a session removed
 * in the same instant) are deleted, as are queue rows of sessions that no longer exist.
 */
final class Recovery {

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);
    private static final byte[] NO_PAYLOAD = new byte[0];

    private final Storage storage;
    private final Map<Long, StoredMessage> messages = new HashMap<>();
    private final Map<Long, PersistedMessage> rows = new HashMap<>();
    private final Map<String, RecoveredSession.Builder> sessions = new HashMap<>();
    private long maxMessageId;
    private long skipped;

    private Recovery(Storage storage) {
        this.storage = storage;
    }

    /** What was recovered: the sessions and the first free message id. */
    record Result(Collection<RecoveredSession> sessions, long nextMessageId) {
    }

    static Result run(Storage storage) {
        return new Recovery(storage).recover();
    }

    private Result recover() {
        long started = System.nanoTime();
        storage.messages().forEach(message -> {
            messages.put(message.id(), message);
            maxMessageId = Math.max(maxMessageId, message.id());
        });
        for (StoredSession session : storage.sessions().all()) {
            sessions.put(session.clientId(), RecoveredSession.builder(session));
        }
        storage.queues().forEach(this::queued);
        storage.inflight().forEach(this::inflight);
        storage.inboundPacketIds().forEach(id -> {
            RecoveredSession.Builder session = sessions.get(id.clientId());
            if (session == null) {
                storage.inboundPacketIds().remove(id);
            } else {
                session.inbound(id.packetId());
            }
        });
        long orphans = 0;
        for (long id : messages.keySet()) {
            if (!rows.containsKey(id)) {
                storage.messages().remove(id);
                orphans++;
            }
        }
        var result = new Result(sessions.values().stream().map(RecoveredSession.Builder::build).toList(),
                maxMessageId + 1);
        if (!sessions.isEmpty() || !messages.isEmpty()) {
            LOG.info("recovered {} sessions and {} stored messages in {} ms ({} unreferenced messages removed, {}"
                            + " rows without a session or message skipped)", sessions.size(),
                    messages.size() - orphans, (System.nanoTime() - started) / 1_000_000, orphans, skipped);
        }
        return result;
    }

    private void queued(QueuedMessage entry) {
        RecoveredSession.Builder session = sessions.get(entry.clientId());
        StoredMessage message = messages.get(entry.messageId());
        if (session == null || message == null) {
            storage.queues().remove(entry.clientId(), entry.sequence());
            skipped++;
            return;
        }
        session.queued(new Delivery(message.topic(), message.payload(), entry.qos(), entry.retain(),
                entry.sequence(), hold(entry.messageId())));
    }

    private void inflight(InflightEntry entry) {
        RecoveredSession.Builder session = sessions.get(entry.clientId());
        StoredMessage message = messages.get(entry.messageId());
        boolean needsPayload = entry.stage() == InflightStage.PUBLISH_SENT;
        if (session == null || (needsPayload && message == null)) {
            storage.inflight().remove(entry.clientId(), entry.sequence());
            skipped++;
            return;
        }
        String topic = message == null ? "" : message.topic();
        byte[] payload = message == null || !needsPayload ? NO_PAYLOAD : message.payload();
        // a message past PUBREC let go of its row: a placeholder with no reference keeps the id for the PUBCOMP
        PersistedMessage row = needsPayload ? hold(entry.messageId()) : new PersistedMessage(entry.messageId(), 0);
        var delivery = new Delivery(topic, payload, entry.qos(), entry.retain(), entry.sequence(), row);
        var publish = new Publish(topic, entry.qos(), entry.retain(), false, entry.packetId(), payload);
        var inflight = new InflightMessage(publish, delivery);
        if (!needsPayload) {
            inflight.released();
        }
        session.inflight(inflight);
    }

    private PersistedMessage hold(long messageId) {
        PersistedMessage row = rows.computeIfAbsent(messageId, id -> new PersistedMessage(id, 0));
        row.hold();
        return row;
    }
}
