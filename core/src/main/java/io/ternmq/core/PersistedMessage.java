package io.ternmq.core;

import io.ternmq.store.MessageStore;
import io.ternmq.store.StoredMessage;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A message row in the message table, shared by the persistent sessions that queue it or have it in flight. The
 * live count of those references is kept here, in memory (recovery recounts from the queue and in-flight rows);
 * the session that drops the last one removes the row. Released from any session thread.
 */
final class PersistedMessage {

    private final long id;
    private final AtomicInteger references;

    PersistedMessage(long id, int references) {
        this.id = id;
        this.references = new AtomicInteger(references);
    }

    /** Writes a new row for {@code message}, held by {@code references} deliveries. */
    static PersistedMessage store(StoredMessage message, int references, MessageStore store) {
        store.put(message);
        return new PersistedMessage(message.id(), references);
    }

    long id() {
        return id;
    }

    /** One more holder (recovery counts them). */
    void hold() {
        references.incrementAndGet();
    }

    /** One holder is done with the payload; the last one deletes the row. */
    void release(MessageStore store) {
        if (references.decrementAndGet() == 0) {
            store.remove(id);
        }
    }
}
