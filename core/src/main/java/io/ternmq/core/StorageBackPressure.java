package io.ternmq.core;

import io.ternmq.store.Storage;

/**
 * Pauses reading from one publisher while the storage writer is behind (DESIGN section 3): after a PUBLISH whose
 * acknowledgement waits for storage, a backlogged storage holds the connection's inbound until the writer has
 * drained to its low-water mark. Nothing blocks and nothing is dropped: packets already read are handled, the
 * socket's own buffers and TCP flow control hold the rest. Owner thread only; the drain callback comes back to it.
 */
final class StorageBackPressure {

    private final Storage storage;
    private final InboundBackPressure inbound;
    /** Changes only when the session moves, on the thread it leaves ({@link SessionMove}). */
    private SessionThread owner;
    private boolean holding;

    StorageBackPressure(Storage storage, InboundBackPressure inbound, SessionThread owner) {
        this.storage = storage;
        this.inbound = inbound;
        this.owner = owner;
    }

    /** After a stored publish was submitted: hold reading if the storage is above its high-water mark. */
    void afterStoredPublish() {
        assert owner.isCurrent();
        if (holding || !storage.isBacklogged()) {
            return;
        }
        holding = true;
        inbound.holdForStorage();
        storage.whenDrained(() -> owner.execute(this::drained));
    }

    /** Whether reading is held until the storage has drained, which calls back to the owner thread. */
    boolean isHolding() {
        return holding;
    }

    /** The connection's session moved to {@code thread}; only while not holding. */
    void movedTo(SessionThread thread) {
        assert !holding;
        owner = thread;
    }

    private void drained() {
        holding = false;
        inbound.releaseStorage();
    }
}
