package io.ternmq.core;

import org.jspecify.annotations.Nullable;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Which session thread owns each client id. A client id gets its thread, from the {@link SessionPlacement}, when
 * it is first claimed, and keeps it while any claim on it holds: each connection's from its CONNECT until it closes,
 * each session's from its creation until it is discarded. Everything of one client id then runs on one thread, which
 * serialises its takeovers. Once no claim holds, the client id is forgotten, and its next CONNECT is placed anew.
 * A connected publisher's session may change threads with its connection ({@link #move}).
 * Safe to use from any thread; used per CONNECT and per session, never per message.
 */
final class SessionOwners {

    /** The claims on a connected session that may move: its own and its connection's. */
    private static final int SESSION_AND_CONNECTION = 2;

    private final SessionThread[] threads;
    private final SessionPlacement placement;
    private final ConcurrentHashMap<String, Claim> claims = new ConcurrentHashMap<>();
    /** Client ids owned, by thread index; changed only within the map's atomic update of the client id. */
    private final AtomicIntegerArray owned;
    /** Set once the broker stops: see {@link #stopMoves}. */
    private volatile boolean movesStopped;

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

    /**
     * Gives {@code clientId} to thread {@code to}, if {@code from} owns it and nothing holds it but its session and
     * that session's one connection: no other connection of the client id is starting, whose work would go to the
     * old owner. Called on {@code from}, which moves the session ({@link SessionMove}). {@code handOver} runs first,
     * within the client id's atomic update, so every thread that reads the new owner afterwards finds the session
     * on its way there. Whether it moved; never after {@link #stopMoves}.
     */
    boolean move(String clientId, SessionThread from, SessionThread to, Runnable handOver) {
        if (movesStopped) {
            return false;
        }
        Claim claim = claims.computeIfPresent(clientId, (id, held) -> {
            if (held.thread == from && held.holds == SESSION_AND_CONNECTION) {
                handOver.run();
                owned.decrementAndGet(from.index());
                owned.incrementAndGet(to.index());
                held.thread = to;
            }
            return held;
        });
        return claim != null && claim.thread == to;
    }

    /**
     * From now on no session changes threads: a thread that runs a task queued after this call, and any later one,
     * sees it. The broker stops moves before it ends every connection, thread by thread, so that none slips from a
     * thread not yet visited to one already visited.
     */
    void stopMoves() {
        movesStopped = true;
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

    /**
     * A client id's owner and how many claims hold it; written only within the map's atomic updates, the owner read
     * outside them too.
     */
    private static final class Claim {
        volatile SessionThread thread;
        int holds = 1;

        Claim(SessionThread thread) {
            this.thread = thread;
        }
    }
}
