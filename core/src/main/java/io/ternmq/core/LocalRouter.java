package io.ternmq.core;

import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.store.MessageStore;
import io.ternmq.store.RetainedMessage;
import io.ternmq.store.StoredMessage;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes within this node: retained update, one tree match (one entry per session at its highest granted QoS
 * [MQTT-3.3.5-1], none for the publisher's own No Local subscriptions), one member per matching shared group,
 * then one task per owning session thread carrying all of that thread's targets. A match without shared groups is
 * built into a {@link KeptRoute} and kept for the topic's next messages (see {@link KeptRoutes} for when). When
 * persistent sessions receive the message at QoS 1/2, its payload is written once to the message table here,
 * before any session's queue row can refer to it, shared by all of them.
 */
final class LocalRouter implements Router {

    private final SessionThreads threads;
    private final Subscriptions subscriptions;
    private final RetainedIndex retained;
    private final MessageStore messages;
    private final MessageIds messageIds;
    private final CoreStats stats;
    private final Clock clock;
    /** Matched sessions of the route in hand, collected into a map reused per thread. */
    private final ScratchMap<TargetMap<Session>> targetsScratch = new ScratchMap<>(256, TargetMap::new);
    /** Each routing thread's kept routes: repeated matches, grouped by session thread. */
    private final ThreadLocal<KeptRoutes> keptRoutes = ThreadLocal.withInitial(KeptRoutes::new);

    LocalRouter(SessionThreads threads, Subscriptions subscriptions, RetainedIndex retained,
                MessageStore messages, MessageIds messageIds, CoreStats stats, Clock clock) {
        this.clock = clock;
        this.threads = threads;
        this.subscriptions = subscriptions;
        this.retained = retained;
        this.messages = messages;
        this.messageIds = messageIds;
        this.stats = stats;
    }

    @Override
    public Routed route(Publish message) {
        return routeWith(message, null, null);
    }

    @Override
    public Routed route(Publish message, StoreAck ack) {
        return routeWith(message, null, ack);
    }

    @Override
    public Routed route(Publish message, @Nullable Session publisher, @Nullable StoreAck ack) {
        return routeWith(message, publisher, ack);
    }

    private Routed routeWith(Publish message, @Nullable Session publisher, @Nullable StoreAck ack) {
        if (message.retain()) {
            updateRetained(message);
            if (ack != null) {
                ack.wrote();
            }
        }
        List<Target> sharedTargets = subscriptions.hasShared() ? pickSharedMembers(message.topic()) : List.of();
        long version = subscriptions.version();
        KeptRoutes kept = keptRoutes.get();
        if (sharedTargets.isEmpty()) {
            KeptRoute route = kept.find(message.topic(), publisher, version);
            if (route != null) {
                routeKept(message, publisher, ack, route);
                return Routed.MATCHED;
            }
        }
        TargetMap<Session> targets = targetsScratch.borrow();
        try {
            return routeTo(message, publisher, ack, targets, sharedTargets, kept, version);
        } finally {
            targetsScratch.giveBack(targets);
        }
    }

    /** Without a kept route: a match of subscriptions version {@code version}, kept if {@link KeptRoutes} says. */
    private Routed routeTo(Publish message, @Nullable Session publisher, @Nullable StoreAck ack,
                           TargetMap<Session> targets, List<Target> sharedTargets, KeptRoutes kept, long version) {
        subscriptions.match(message.topic(), publisher, targets);
        if (targets.isEmpty() && sharedTargets.isEmpty()) {
            // A retained message is kept for later subscribers, not dropped: this counted the broker's own $SYS
            // topics, published every interval, as drops.
            if (!message.retain()) {
                stats.noSubscriberDrops.increment();
            }
            return Routed.NO_SUBSCRIBERS;
        }
        if (sharedTargets.isEmpty() && kept.worthKeeping(message.topic(), publisher, targets.size())) {
            KeptRoute route = KeptRoute.of(targets, threads.size());
            if (subscriptions.version() == version) { // else the match may hold a change made after that version
                kept.keep(message.topic(), publisher, version, route);
            }
            routeKept(message, publisher, ack, route);
            return Routed.MATCHED;
        }
        PersistedMessage row = storeForPersistentTargets(message, targets, sharedTargets);
        if (row != null && ack != null) {
            ack.wrote();
        }
        if (targets.size() == 1 && sharedTargets.isEmpty()) {
            routeToOne(message, publisher, targets.key(0), targets.value(0), row, ack);
            return Routed.MATCHED;
        }
        List<Target>[] byThread = groupByThread(targets, sharedTargets, row);
        for (int i = 0; i < byThread.length; i++) {
            List<Target> group = byThread[i];
            if (group == null) {
                continue;
            }
            SessionThread thread = threads.get(i);
            submit(thread, row != null && writesRows(group) ? ack : null, () -> deliverAll(group, message));
            noteIfBehind(thread, publisher);
        }
        return Routed.MATCHED;
    }

    /** Each thread's sessions as one task that delivers to its group, the message row stored first. */
    private void routeKept(Publish message, @Nullable Session publisher, @Nullable StoreAck ack,
                             KeptRoute route) {
        PersistedMessage row = store(message, route.holders());
        if (row != null && ack != null) {
            ack.wrote();
        }
        for (int i = 0; i < route.threads(); i++) {
            KeptRoute.Group group = route.group(i);
            if (group == null) {
                continue;
            }
            SessionThread thread = threads.get(i);
            if (row == null) {
                thread.execute(group, message); // the group and the message, without an object pairing them
            } else {
                submit(thread, group.holdsRows() ? ack : null, () -> group.deliver(message, row));
            }
            noteIfBehind(thread, publisher);
        }
    }

    /**
     * The common case of one subscriber (a device's topic, a pair of clients): one task to its thread, without the
     * per-thread grouping and its lists, until the topic comes again and gets a kept route.
     */
    private void routeToOne(Publish message, @Nullable Session publisher, Session session,
                            SubscriptionOptions options, @Nullable PersistedMessage row, @Nullable StoreAck ack) {
        PersistedMessage held = row != null && session.holdsRow(options.qos()) ? row : null;
        SessionThread thread = threads.get(session.owner().index());
        submit(thread, held != null ? ack : null, () -> session.deliver(message, options, held, null));
        noteIfBehind(thread, publisher);
    }

    /** A client's publish handed a task to a thread that is behind: its connection is held after the route. */
    private static void noteIfBehind(SessionThread thread, @Nullable Session publisher) {
        if (publisher != null && thread.isBehind()) {
            publisher.owner().handedToBehind(thread);
        }
    }

    /**
     * Runs a delivery on its session thread. With {@code ack}, the deliveries write queue or in-flight rows: the
     * publisher's ack then also waits until that thread has submitted them.
     */
    private static void submit(SessionThread thread, @Nullable StoreAck ack, Runnable delivery) {
        if (ack == null) {
            thread.execute(delivery);
            return;
        }
        ack.addPart();
        thread.execute(() -> {
            try {
                delivery.run();
            } finally {
                ack.partDone();
            }
        });
    }

    /**
     * One member of every matching shared group (MQTT 5 section 4.8.2), each with its own options. Shared and
     * ordinary subscriptions of one session are separate targets: the spec lets the session get one copy for each.
     */
    private List<Target> pickSharedMembers(String topic) {
        Map<SharedGroup<Session>, SubscriptionOptions> groups = new HashMap<>();
        subscriptions.matchShared(topic, groups);
        if (groups.isEmpty()) {
            return List.of();
        }
        List<Target> picked = new ArrayList<>(groups.size());
        for (SharedGroup<Session> group : groups.keySet()) {
            SharedGroup.Member<Session> member = group.pick(Session::readiness);
            if (member != null) {
                picked.add(new Picked(member.subscriber(), member.options(), null, group));
            }
        }
        return picked;
    }

    /** The message row for every persistent target receiving at QoS 1/2, or null when there is none. */
    private @Nullable PersistedMessage storeForPersistentTargets(Publish message, TargetMap<Session> targets,
                                                                 List<Target> sharedTargets) {
        if (message.qos() == Qos.AT_MOST_ONCE) {
            return null;
        }
        int holders = 0;
        for (int i = 0; i < targets.size(); i++) {
            if (targets.key(i).holdsRow(targets.value(i).qos())) {
                holders++;
            }
        }
        for (Target target : sharedTargets) {
            if (target.session().holdsRow(target.options().qos())) {
                holders++;
            }
        }
        return store(message, holders);
    }

    /** The message's row, shared by {@code holders} sessions; null for a QoS 0 message or without holders. */
    private @Nullable PersistedMessage store(Publish message, int holders) {
        if (holders == 0 || message.qos() == Qos.AT_MOST_ONCE) {
            return null;
        }
        var stored = new StoredMessage(messageIds.next(), message.topic(), message.qos(), message.payload(),
                StoredProperties.of(message.properties()), expiresAt(message));
        return PersistedMessage.store(stored, holders, messages);
    }

    private static boolean writesRows(List<Target> group) {
        for (Target target : group) {
            if (target.row() != null) {
                return true;
            }
        }
        return false;
    }

    private void updateRetained(Publish message) {
        if (message.payload().length == 0) {
            retained.clear(message.topic()); // [MQTT-3.3.1-10] [MQTT-3.3.1-11]
        } else {
            // [MQTT-3.3.1-5] kept with its QoS; [MQTT-3.3.1-7] a QoS 0 one replaces the earlier message too
            retained.retain(new RetainedMessage(message.topic(), message.payload(), message.qos(),
                    StoredProperties.of(message.properties()), expiresAt(message)));
        }
    }

    /** When a message with a Message Expiry Interval expires, counted from now [MQTT-3.3.2-5]; null without one. */
    private @Nullable Instant expiresAt(Publish message) {
        Long interval = message.properties().messageExpiryInterval();
        return interval == null ? null
                : Instant.ofEpochMilli(MessageExpiry.expiresAt(clock.currentTimeMillis(), interval));
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // generic array creation: one slot per session thread
    private List<Target>[] groupByThread(TargetMap<Session> targets, List<Target> sharedTargets,
                                         @Nullable PersistedMessage row) {
        List<Target>[] byThread = new List[threads.size()];
        for (int i = 0; i < targets.size(); i++) {
            Session session = targets.key(i);
            SubscriptionOptions options = targets.value(i);
            boolean holds = row != null && session.holdsRow(options.qos());
            add(byThread, new Own(session, options, holds ? row : null));
        }
        for (Target target : sharedTargets) {
            boolean holds = row != null && target.session().holdsRow(target.options().qos());
            add(byThread, holds && target instanceof Picked picked ? picked.holding(row) : target);
        }
        return byThread;
    }

    private static void add(List<Target>[] byThread, Target target) {
        int index = target.session().owner().index();
        List<Target> group = byThread[index];
        if (group == null) {
            group = new ArrayList<>();
            byThread[index] = group;
        }
        group.add(target);
    }

    private static void deliverAll(List<Target> group, Publish message) {
        for (Target target : group) {
            SharedGroup<Session> share = target instanceof Picked picked ? picked.share() : null;
            target.session().deliver(message, target.options(), target.row(), share);
        }
    }

    /**
     * One session to deliver to: for its own subscriptions, or picked from a shared group. Two types so that the
     * common one stays as small as it was (it is allocated per subscriber and message).
     */
    private sealed interface Target permits Own, Picked {
        Session session();

        SubscriptionOptions options();

        @Nullable PersistedMessage row();
    }

    private record Own(Session session, SubscriptionOptions options, @Nullable PersistedMessage row)
            implements Target {
    }

    private record Picked(Session session, SubscriptionOptions options, @Nullable PersistedMessage row,
                          SharedGroup<Session> share) implements Target {

        Picked holding(PersistedMessage stored) {
            return new Picked(session, options, stored, share);
        }
    }
}
