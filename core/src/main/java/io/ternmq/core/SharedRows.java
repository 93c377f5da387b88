package io.ternmq.core;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * After a restart, the message rows held by more than one queue or in-flight row: every holder must get the same
 * {@link PersistedMessage} (its count decides when the row is deleted), but holders are loaded at different times,
 * each session paging its queue in on its own thread. An entry leaves once each of its holders has taken it, so
 * this map shrinks to nothing as queues drain. A row with one holder is never registered: {@link #take} makes it.
 * Thread-safe.
 */
final class SharedRows {

    private record Entry(PersistedMessage row, AtomicInteger untaken) {
    }

    private final ConcurrentHashMap<Long, Entry> rows = new ConcurrentHashMap<>();

    void register(long id, int holders) {
        rows.put(id, new Entry(new PersistedMessage(id, holders), new AtomicInteger(holders)));
    }

    /** The row for one holder of message {@code id}; called once per holder. */
    PersistedMessage take(long id) {
        Entry entry = rows.get(id);
        if (entry == null) {
            return new PersistedMessage(id, 1);
        }
        if (entry.untaken().decrementAndGet() == 0) {
            rows.remove(id, entry);
        }
        return entry.row();
    }

    int size() {
        return rows.size();
    }
}
