package io.ternmq.store.memory;

import java.util.Comparator;

/** A per-client entry's key in the in-memory twins: ordered by client id, then a number (sequence or packet id). */
record ClientKey(String clientId, long number) {

    static final Comparator<ClientKey> ORDER =
            Comparator.comparing(ClientKey::clientId).thenComparingLong(ClientKey::number);

    static ClientKey first(String clientId) {
        return new ClientKey(clientId, Long.MIN_VALUE);
    }

    static ClientKey last(String clientId) {
        return new ClientKey(clientId, Long.MAX_VALUE);
    }
}
