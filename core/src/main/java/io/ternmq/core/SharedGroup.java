package io.ternmq.core;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The members of one shared subscription (one share name and filter, MQTT 5 section 4.8.2), each with the options
 * granted to it. Each message goes to one member, chosen by {@link #pick}. Model: {@code members} is an immutable
 * list replaced whole on join and leave (rare, under this object's lock), so that picks from every publisher's
 * thread read it without locking; {@code turn} rotates the starting point of each pick.
 */
final class SharedGroup<S> {

    /** One session in the group, with the QoS (and identifier) granted to its subscription [MQTT-4.8.2-3]. */
    record Member<S>(S subscriber, SubscriptionOptions options) {
    }

    private final SharedFilter filter;
    private volatile List<Member<S>> members = List.of();
    private final AtomicInteger turn = new AtomicInteger();

    SharedGroup(SharedFilter filter) {
        this.filter = filter;
    }

    SharedFilter filter() {
        return filter;
    }

    /** Adds the member, or replaces its options when it is one already; returns the replaced options or null. */
    synchronized @Nullable SubscriptionOptions join(S subscriber, SubscriptionOptions options) {
        List<Member<S>> next = new ArrayList<>(members.size() + 1);
        SubscriptionOptions replaced = null;
        for (Member<S> member : members) {
            if (member.subscriber().equals(subscriber)) {
                replaced = member.options();
                next.add(new Member<>(subscriber, options)); // keeps its place in the rotation
            } else {
                next.add(member);
            }
        }
        if (replaced == null) {
            next.add(new Member<>(subscriber, options));
        }
        members = List.copyOf(next);
        return replaced;
    }

    /** Removes the member; false when it was none. */
    synchronized boolean leave(S subscriber) {
        List<Member<S>> current = members;
        List<Member<S>> next = new ArrayList<>(current.size());
        for (Member<S> member : current) {
            if (!member.subscriber().equals(subscriber)) {
                next.add(member);
            }
        }
        if (next.size() == current.size()) {
            return false;
        }
        members = List.copyOf(next);
        return true;
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    int size() {
        return members.size();
    }

    /**
     * The member to send the next message to, or null when there is none: round-robin over the members, taking
     * the first {@link MemberReadiness#READY} one from a rotating start; when none is ready, the first busy one;
     * when all are offline (persistent sessions), the first offline one, which queues the message for its return.
     * So a connected member is always preferred, and offline sessions get messages only when nobody is online.
     */
    @Nullable Member<S> pick(Function<S, MemberReadiness> readiness) {
        List<Member<S>> current = members;
        int n = current.size();
        if (n == 0) {
            return null;
        }
        int start = Math.floorMod(turn.getAndIncrement(), n);
        Member<S> busy = null;
        Member<S> offline = null;
        for (int i = 0; i < n; i++) {
            Member<S> member = current.get((start + i) % n);
            switch (readiness.apply(member.subscriber())) {
                case READY -> {
                    return member;
                }
                case BUSY -> busy = busy == null ? member : busy;
                case OFFLINE -> offline = offline == null ? member : offline;
            }
        }
        return busy != null ? busy : offline;
    }
}
