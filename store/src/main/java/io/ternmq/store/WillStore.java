package io.ternmq.store;

import java.util.Collection;

/** Delayed wills by client id (MQTT 5). Implementations are thread-safe. */
public interface WillStore {

    void put(StoredWill will);

    void remove(String clientId);

    /** A snapshot of every delayed will, in no particular order. */
    Collection<StoredWill> all();
}
