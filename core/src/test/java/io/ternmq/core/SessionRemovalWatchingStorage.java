package io.ternmq.core;

import io.ternmq.store.InboundPacketIdStore;
import io.ternmq.store.InflightStore;
import io.ternmq.store.MessageStore;
import io.ternmq.store.QueueStore;
import io.ternmq.store.RetainedMessageStore;
import io.ternmq.store.SessionStore;
import io.ternmq.store.Storage;
import io.ternmq.store.StorageMode;
import io.ternmq.store.StoredSession;
import io.ternmq.store.WillStore;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Consumer;

/** A storage that tells {@code onRemove} of each stored session's removal, before passing it on. */
final class SessionRemovalWatchingStorage implements Storage {

    private final Storage storage;
    private final SessionStore sessions;

    SessionRemovalWatchingStorage(Storage storage, Consumer<String> onRemove) {
        this.storage = storage;
        SessionStore stored = storage.sessions();
        this.sessions = new SessionStore() {
            @Override
            public void save(StoredSession session) {
                stored.save(session);
            }

            @Override
            public void remove(String clientId) {
                onRemove.accept(clientId);
                stored.remove(clientId);
            }

            @Override
            public Optional<StoredSession> find(String clientId) {
                return stored.find(clientId);
            }

            @Override
            public Collection<StoredSession> all() {
                return stored.all();
            }
        };
    }

    @Override
    public StorageMode mode() {
        return storage.mode();
    }

    @Override
    public SessionStore sessions() {
        return sessions;
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
