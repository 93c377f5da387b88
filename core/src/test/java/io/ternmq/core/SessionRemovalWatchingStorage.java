package io.ternmq.core;

import io.ternmq.store.SessionStore;
import io.ternmq.store.Storage;
import io.ternmq.store.StoredSession;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Consumer;

/** A storage that tells {@code onRemove} of each stored session's removal, before passing it on. */
final class SessionRemovalWatchingStorage extends ForwardingStorage {

    private final SessionStore sessions;

    SessionRemovalWatchingStorage(Storage storage, Consumer<String> onRemove) {
        super(storage);
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
    public SessionStore sessions() {
        return sessions;
    }
}
