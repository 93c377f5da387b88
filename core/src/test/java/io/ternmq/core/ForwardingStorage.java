package io.ternmq.core;

import io.ternmq.store.InboundPacketIdStore;
import io.ternmq.store.InflightStore;
import io.ternmq.store.MessageStore;
import io.ternmq.store.QueueStore;
import io.ternmq.store.RetainedMessageStore;
import io.ternmq.store.SessionStore;
import io.ternmq.store.Storage;
import io.ternmq.store.StorageMode;
import io.ternmq.store.WillStore;

/** A storage that passes everything to another; test storages override only what they watch or hold. */
abstract class ForwardingStorage implements Storage {

    private final Storage storage;

    ForwardingStorage(Storage storage) {
        this.storage = storage;
    }

    @Override
    public StorageMode mode() {
        return storage.mode();
    }

    @Override
    public SessionStore sessions() {
        return storage.sessions();
    }

    @Override
    public MessageStore messages() {
        return storage.messages();
    }

    @Override
    public QueueStore queues() {
        return storage.queues();
    }

    @Override
    public InflightStore inflight() {
        return storage.inflight();
    }

    @Override
    public InboundPacketIdStore inboundPacketIds() {
        return storage.inboundPacketIds();
    }

    @Override
    public RetainedMessageStore retained() {
        return storage.retained();
    }

    @Override
    public WillStore wills() {
        return storage.wills();
    }

    @Override
    public void afterWrites(Runnable callback) {
        storage.afterWrites(callback);
    }

    @Override
    public void close() {
        storage.close();
    }
}
