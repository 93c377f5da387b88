package io.ternmq.core;

import java.util.function.IntUnaryOperator;

/** Picks the session thread of a client id that no thread owns yet: see {@link SessionOwners}. */
@FunctionalInterface
interface SessionPlacement {

    /**
     * The thread owning the fewest client ids, the lowest index among equals. A hash of the client id would leave
     * the threads' shares to chance: 100 subscribers hashed onto two threads put 54 or more on one of them about
     * every other time, and that thread then sets the pace of a fan-out to them.
     */
    SessionPlacement FEWEST_OWNED = (clientId, owned, threads) -> {
        int best = 0;
        for (int i = 1; i < threads; i++) {
            if (owned.applyAsInt(i) < owned.applyAsInt(best)) {
                best = i;
            }
        }
        return best;
    };

    /**
     * The index, in [0, threads), of the thread for {@code clientId}, given how many client ids each thread
     * owns now ({@code owned}, by index).
     */
    int threadFor(String clientId, IntUnaryOperator owned, int threads);
}
