package io.ternmq.store.memory;

import io.ternmq.store.InboundPacketIdStore;
import io.ternmq.store.InflightStore;
import io.ternmq.store.MessageStore;
import io.ternmq.store.QueueStore;
import io.ternmq.store.RetainedMessageStore;
import io.ternmq.store.SessionStore;
import io.ternmq.store.Storage;
import io.ternmq.store.StorageMode;
import io.ternmq.store.WillStore;

/**
 * The in-memory twin of the durable storage: every change applies at once, so {@link #afterWrites} runs its
 * callback inline. Used by tests and by the {@code memory} mode.
 */
public final class InMemoryStorage implements Storage {

    private final SessionStore sessions;
    private final RetainedMessageStore retained;
    private final MessageStore messages = new InMemoryMessageStore();
    private final QueueStore queues = new InMemoryQueueStore();
    private final InflightStore inflight = new InMemoryInflightStore();
    private final InboundPacketIdStore inbound = new InMemoryInboundPacketIdStore();
    private final WillStore wills = new InMemoryWillStore();

    public InMemoryStorage() {
        this(new InMemorySessionStore(), new InMemoryRetainedMessageStore());
    }

    /** With given session and retained stores (tests that hand in their own). */
    public InMemoryStorage(SessionStore sessions, RetainedMessageStore retained) {
        this.sessions = sessions;
        this.retained = retained;
    }

    @Override
    public StorageMode mode() {
        return StorageMode.MEMORY;
    }

    @Override
    public SessionStore sessions() {
        return sessions;
    }

    @Override
    public MessageStore messages() {
        return messages;
    }

    @Override
    public QueueStore queues() {
        return queues;
    }

    @Override
    public InflightStore inflight() {
        return inflight;
    }

    @Override
    public InboundPacketIdStore inboundPacketIds() {
        return inbound;
    }

    @Override
    public RetainedMessageStore retained() {
        return retained;
    }

    @Override
    public WillStore wills() {
        return wills;
    }

    @Override
    public void afterWrites(Runnable callback) {
        callback.run();
    }

    @Override
    public void close() {
        // nothing to release: the maps go with the object
    }
}
