package io.ternmq.core;

import io.ternmq.store.Storage;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The acknowledgement of one inbound PUBLISH, waiting for the storage writes its handling caused. It has parts:
 * the publisher's own (routing, retained update, inbound QoS 2 id) and one per session thread that writes rows for
 * the message. When the last part is done, {@code onStored} runs behind a storage fence if anything was written,
 * at once otherwise. {@code onStored} must hand off to the publisher's thread: it may run on any thread.
 */
final class StoreAck {

    private final Storage storage;
    private final Runnable onStored;
    private final AtomicInteger parts = new AtomicInteger(1);
    private volatile boolean wrote;

    StoreAck(Storage storage, Runnable onStored) {
        this.storage = storage;
        this.onStored = onStored;
    }

    /** Something was submitted to the storage on behalf of this message; the ack must wait for it. */
    void wrote() {
        wrote = true;
    }

    void addPart() {
        parts.incrementAndGet();
    }

    void partDone() {
        if (parts.decrementAndGet() == 0) {
            if (wrote) {
                storage.afterWrites(onStored);
            } else {
                onStored.run();
            }
        }
    }
}
