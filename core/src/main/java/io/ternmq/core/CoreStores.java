package io.ternmq.core;

import io.ternmq.store.RetainedMessageStore;
import io.ternmq.store.SessionStore;
import io.ternmq.store.Storage;
import io.ternmq.store.memory.InMemoryStorage;

/** The storage the core writes through to and restores from at start. */
public record CoreStores(Storage storage) {

    /** In-memory twins around the given session and retained stores. */
    public CoreStores(SessionStore sessions, RetainedMessageStore retained) {
        this(new InMemoryStorage(sessions, retained));
    }

    public static CoreStores inMemory() {
        return new CoreStores(new InMemoryStorage());
    }

    public SessionStore sessions() {
        return storage.sessions();
    }

    public RetainedMessageStore retained() {
        return storage.retained();
    }
}
