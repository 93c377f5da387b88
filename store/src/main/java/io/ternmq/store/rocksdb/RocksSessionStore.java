package io.ternmq.store.rocksdb;

import io.ternmq.store.SessionStore;
import io.ternmq.store.StoredSession;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Sessions in their column family ({@link SessionCodec}). */
final class RocksSessionStore implements SessionStore {

    private final FamilyAccess family;

    RocksSessionStore(FamilyAccess family) {
        this.family = family;
    }

    @Override
    public void save(StoredSession session) {
        family.put(SessionCodec.key(session.clientId()), SessionCodec.value(session));
    }

    @Override
    public void remove(String clientId) {
        family.delete(SessionCodec.key(clientId));
    }

    @Override
    public Optional<StoredSession> find(String clientId) {
        return Optional.ofNullable(family.get(SessionCodec.key(clientId), SessionCodec::decode));
    }

    @Override
    public Collection<StoredSession> all() {
        List<StoredSession> sessions = new ArrayList<>();
        family.forEach(SessionCodec::decode, sessions::add);
        return sessions;
    }
}
