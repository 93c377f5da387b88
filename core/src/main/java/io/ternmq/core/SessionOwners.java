package io.ternmq.core;

import org.jspecify.annotations.Nullable;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Which session thread owns each client id. A client id gets its thread, from the {@link SessionPlacement}, when
 * it is first claimed, and keeps it while any claim on it holds: each connection's from its CONNECT until it closes,
 * each session's from its creation until it is discarded. Everything of one client id then runs on one thread, which
 * serialises its takeovers. Once no claim holds, the client id is forgotten, and its next CONNECT is placed anew.
 * Safe to use from any thread; used per CONNECT and per session, never per message.
 */
final class SessionOwners {

    private final SessionThread[] threads;
    private final SessionPlacement placement;
    private final ConcurrentHashMap<String, Claim> claims = new ConcurrentHashMap<>();
    /** Client ids owned, by thread index; changed only within the map's atomic update of the client id. */
    private final AtomicIntegerArray owned;

    SessionOwners(SessionThread[] threads, SessionPlacement placement) {
        this.threads = threads;
        this.placement = placement;
        this.owned = new AtomicIntegerArray(threads.length);
    }

    /** One more claim on {@code clientId}; its owner, placed now if nothing held it. */
    SessionThread claim(String clientId) {
        return claims.compute(clientId, (id, claim) -> {
            if (claim == null) {
                int index = placement.threadFor(id, owned::get, threads.length);
                owned.incrementAndGet(index);
                return new Claim(threads[index]);
            }
            claim.holds++;
            return claim;
        }).thread;
    }

    /**
     * Ends one claim on {@code clientId}; with the last, the client id is forgotten.
     *
     * @throws IllegalStateException when nothing holds a claim on it: a release without its claim
     */
    void release(String clientId) {
        claims.compute(clientId, (id, claim) -> {
            if (claim == null) {
                throw new IllegalStateException("no claim on client id " + id + " to release");
            }
            if (--claim.holds > 0) {
                return claim;
            }
            owned.decrementAndGet(claim.thread.index());
            return null;
        });
    }

    /** The thread owning {@code clientId}, or null when nothing holds it (then it has no session anywhere). */
    @Nullable SessionThread ownerOf(String clientId) {
        Claim claim = claims.get(clientId);
        return claim == null ? null : claim.thread;
    }

    /** How many threads own client ids. */
    int threads() {
        return threads.length;
    }

    /** How many client ids thread {@code index} owns. */
    int owned(int index) {
        return owned.get(index);
    }

    /** How many client ids are owned, on all threads. */
    int size() {
        return claims.size();
    }

    /** A client id's owner and how many claims hold it; read and written only within the map's atomic updates. */
    private static final class Claim {
        final SessionThread thread;
        int holds = 1;

        Claim(SessionThread thread) {
            this.thread = thread;
        }
    }
}
