package io.ternmq.core;

import io.ternmq.store.QueuedMessage;
import io.ternmq.store.Storage;
import io.ternmq.store.StoredMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The part of a recovered session's queue still on disk: its {@code remaining} rows follow {@code afterSequence}
 * in sequence order, and every one of them was durable before the restart (rows queued since then have higher
 * sequences and are held in memory), so reading them never races the writer. Pages are read on the session's
 * owner thread: one range read and one point read per row, small enough not to hold the thread up. Only the
 * loaded page's payloads are in memory. Owner thread only.
 */
final class StoredQueue {

    /** One page: the deliveries whose message still exists, and how many rows were used up reading them. */
    record Page(List<Delivery> deliveries, long consumed) {
    }

    private final String clientId;
    private final Storage storage;
    private final SharedRows sharedRows;
    private final int pageSize;
    private long afterSequence;
    private long remaining;

    StoredQueue(String clientId, Storage storage, SharedRows sharedRows, int pageSize, long remaining) {
        this.clientId = clientId;
        this.storage = storage;
        this.sharedRows = sharedRows;
        this.pageSize = pageSize;
        this.remaining = remaining;
    }

    long remaining() {
        return remaining;
    }

    /** Reads the next page; a row whose message is gone (a crash between writes) is removed and skipped. */
    Page next() {
        List<QueuedMessage> rows = storage.queues().page(clientId, afterSequence,
                (int) Math.min(pageSize, remaining));
        if (rows.isEmpty()) {
            long lost = remaining; // cannot happen unless rows vanished behind our back; never loop on it
            remaining = 0;
            return new Page(List.of(), lost);
        }
        List<Delivery> deliveries = new ArrayList<>(rows.size());
        for (QueuedMessage row : rows) {
            afterSequence = row.sequence();
            remaining--;
            PersistedMessage held = sharedRows.take(row.messageId());
            Optional<StoredMessage> message = storage.messages().find(row.messageId());
            if (message.isEmpty()) {
                storage.queues().remove(clientId, row.sequence());
                held.release(storage.messages());
                continue;
            }
            deliveries.add(new Delivery(message.get().topic(), message.get().payload(), row.qos(), row.retain(),
                    row.sequence(), held, message.get().properties()));
        }
        return new Page(deliveries, rows.size());
    }

    /** The session is discarded: let go of every row still on disk, so shared message rows are counted right. */
    void releaseAll() {
        while (remaining > 0) {
            List<QueuedMessage> rows = storage.queues().page(clientId, afterSequence, (int) Math.min(1024, remaining));
            if (rows.isEmpty()) {
                remaining = 0;
                return;
            }
            for (QueuedMessage row : rows) {
                afterSequence = row.sequence();
                remaining--;
                sharedRows.take(row.messageId()).release(storage.messages());
            }
        }
    }
}
