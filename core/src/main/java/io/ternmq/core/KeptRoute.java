package io.ternmq.core;

import io.ternmq.protocol.Publish;
import org.jspecify.annotations.Nullable;

/**
 * A match's sessions, grouped by the session thread that owns them, never changed once built: kept by
 * {@link KeptRoutes}, so that a topic published again to the same sessions is handed to each thread as its
 * group, without a walk, a map or an object per session and message. In a fan-out each thread reads only its own
 * group, which stays in its cache from one message to the next where per-message lists built on the routing
 * thread did not (on two half cores those were 41 % of the publisher's loop).
 */
final class KeptRoute {

    private final @Nullable Group[] groups;
    private final int sessions;
    private final int holders;

    private KeptRoute(@Nullable Group[] groups, int sessions, int holders) {
        this.groups = groups;
        this.sessions = sessions;
        this.holders = holders;
    }

    /** The sessions of {@code targets} in their order, by owner thread; {@code threads} session threads in all. */
    static KeptRoute of(TargetMap<Session> targets, int threads) {
        int[] counts = new int[threads];
        for (int i = 0; i < targets.size(); i++) {
            counts[targets.key(i).owner().index()]++;
        }
        Session[][] sessions = new Session[threads][];
        SubscriptionOptions[][] options = new SubscriptionOptions[threads][];
        boolean[] holdsRows = new boolean[threads];
        int[] filled = new int[threads];
        int holders = 0;
        for (int i = 0; i < targets.size(); i++) {
            Session session = targets.key(i);
            int thread = session.owner().index();
            if (sessions[thread] == null) {
                sessions[thread] = new Session[counts[thread]];
                options[thread] = new SubscriptionOptions[counts[thread]];
            }
            SubscriptionOptions granted = targets.value(i);
            sessions[thread][filled[thread]] = session;
            options[thread][filled[thread]++] = granted;
            if (session.holdsRow(granted.qos())) {
                holdsRows[thread] = true;
                holders++;
            }
        }
        Group[] groups = new Group[threads];
        for (int thread = 0; thread < threads; thread++) {
            if (sessions[thread] != null) {
                groups[thread] = new Group(sessions[thread], options[thread], holdsRows[thread]);
            }
        }
        return new KeptRoute(groups, targets.size(), holders);
    }

    /** Session threads, by index; {@link #group} is null for those that own none of the sessions. */
    int threads() {
        return groups.length;
    }

    @Nullable Group group(int thread) {
        return groups[thread];
    }

    /** Sessions in all. */
    int sessions() {
        return sessions;
    }

    /** Sessions that keep a message-table row of a QoS 1/2 message: persistent, granted QoS 1 or 2. */
    int holders() {
        return holders;
    }

    /**
     * One thread's sessions with their options, in the order the match found them; {@code holdsRows} when any of
     * them keeps a row of a QoS 1/2 message (that thread's deliveries then write rows). As a {@link SessionTask}
     * it delivers the message it is handed, without a row.
     */
    record Group(Session[] sessions, SubscriptionOptions[] options, boolean holdsRows) implements SessionTask {

        @Override
        public void run(Object message) {
            deliver((Publish) message, null);
        }

        /** On the owner thread: the message to each session, with {@code row} to those that keep one. */
        void deliver(Publish message, @Nullable PersistedMessage row) {
            for (int i = 0; i < sessions.length; i++) {
                Session session = sessions[i];
                SubscriptionOptions granted = options[i];
                session.deliver(message, granted, row != null && session.holdsRow(granted.qos()) ? row : null, null);
            }
        }
    }
}
