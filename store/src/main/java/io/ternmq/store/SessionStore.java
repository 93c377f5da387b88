package io.ternmq.store;

import java.util.Collection;
import java.util.Optional;

/**
 * Persistent sessions by client id. The core writes through whenever a persistent session's subscriptions
 * change and removes the entry when the session is discarded; at start it restores {@link #all()}.
 * Changes are applied in submission order (see {@link Storage}). Implementations are thread-safe.
 */
public interface SessionStore {

    /** Stores the session, replacing the earlier state of the same client id. */
    void save(StoredSession session);

    void remove(String clientId);

    Optional<StoredSession> find(String clientId);

    /** A snapshot of every stored session, in no particular order. */
    Collection<StoredSession> all();
}
