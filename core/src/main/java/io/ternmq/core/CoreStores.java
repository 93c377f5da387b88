package io.ternmq.core;

import io.ternmq.store.RetainedMessageStore;
import io.ternmq.store.SessionStore;
import io.ternmq.store.memory.InMemoryRetainedMessageStore;
import io.ternmq.store.memory.InMemorySessionStore;

/** The stores the core writes through to and restores from at start. */
public record CoreStores(SessionStore sessions, RetainedMessageStore retained) {

    public static CoreStores inMemory() {
        return new CoreStores(new InMemorySessionStore(), new InMemoryRetainedMessageStore());
    }
}
