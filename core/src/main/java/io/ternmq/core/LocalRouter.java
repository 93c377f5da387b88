package io.ternmq.core;

import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.store.MessageStore;
import io.ternmq.store.RetainedMessage;
import io.ternmq.store.StoredMessage;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes within this node: retained update, one tree match (one entry per session at its highest granted QoS
 * [MQTT-3.3.5-1]), then one task per owning session thread carrying all of that thread's targets. When persistent
 * sessions receive the message at QoS 1/2, its payload is written once to the message table here, before any
 * session's queue row can refer to it, shared by all of them.
 */
final class LocalRouter implements Router {

    private final SessionThreads threads;
    private final SubscriptionTree<Session> subscriptions;
    private final RetainedIndex retained;
    private final MessageStore messages;
    private final MessageIds messageIds;
    private final CoreStats stats;

    LocalRouter(SessionThreads threads, SubscriptionTree<Session> subscriptions, RetainedIndex retained,
                MessageStore messages, MessageIds messageIds, CoreStats stats) {
        this.threads = threads;
        this.subscriptions = subscriptions;
        this.retained = retained;
        this.messages = messages;
        this.messageIds = messageIds;
        this.stats = stats;
    }

    @Override
    public Routed route(Publish message) {
        return routeWith(message, null);
    }

    @Override
    public Routed route(Publish message, StoreAck ack) {
        return routeWith(message, ack);
    }

    private Routed routeWith(Publish message, @Nullable StoreAck ack) {
        if (message.retain()) {
            updateRetained(message);
            if (ack != null) {
                ack.wrote();
            }
        }
        Map<Session, Qos> targets = new HashMap<>();
        subscriptions.match(message.topic(), targets);
        if (targets.isEmpty()) {
            stats.noSubscriberDrops.increment();
            return Routed.NO_SUBSCRIBERS;
        }
        PersistedMessage row = storeForPersistentTargets(message, targets);
        if (row != null && ack != null) {
            ack.wrote();
        }
        List<Target>[] byThread = groupByThread(targets, row);
        for (int i = 0; i < byThread.length; i++) {
            List<Target> group = byThread[i];
            if (group == null) {
                continue;
            }
            if (ack != null && row != null && writesRows(group)) {
                ack.addPart(); // the ack waits until that thread has submitted its queue/in-flight rows
                threads.get(i).execute(() -> {
                    try {
                        deliverAll(group, message);
                    } finally {
                        ack.partDone();
                    }
                });
            } else {
                threads.get(i).execute(() -> deliverAll(group, message));
            }
        }
        return Routed.MATCHED;
    }

    /** The message row for every persistent target receiving at QoS 1/2, or null when there is none. */
    private @Nullable PersistedMessage storeForPersistentTargets(Publish message, Map<Session, Qos> targets) {
        if (message.qos() == Qos.AT_MOST_ONCE) {
            return null;
        }
        int holders = 0;
        for (Map.Entry<Session, Qos> e : targets.entrySet()) {
            if (holdsRow(e.getKey(), e.getValue())) {
                holders++;
            }
        }
        if (holders == 0) {
            return null;
        }
        var stored = new StoredMessage(messageIds.next(), message.topic(), message.qos(), message.payload(),
                message.properties());
        return PersistedMessage.store(stored, holders, messages);
    }

    private static boolean holdsRow(Session session, Qos granted) {
        return session.lifetime() == SessionLifetime.PERSISTENT && granted != Qos.AT_MOST_ONCE;
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
            // with its properties, forwarded to later subscribers too [MQTT-3.3.2-4] [MQTT-3.3.2-17]
            retained.retain(new RetainedMessage(message.topic(), message.payload(), message.qos(),
                    message.properties()));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // generic array creation: one slot per session thread
    private List<Target>[] groupByThread(Map<Session, Qos> targets, @Nullable PersistedMessage row) {
        List<Target>[] byThread = new List[threads.size()];
        for (Map.Entry<Session, Qos> e : targets.entrySet()) {
            int index = e.getKey().owner().index();
            List<Target> group = byThread[index];
            if (group == null) {
                group = new ArrayList<>();
                byThread[index] = group;
            }
            boolean holds = row != null && holdsRow(e.getKey(), e.getValue());
            group.add(new Target(e.getKey(), e.getValue(), holds ? row : null));
        }
        return byThread;
    }

    private static void deliverAll(List<Target> group, Publish message) {
        for (Target target : group) {
            target.session().deliver(message, target.granted(), target.row());
        }
    }

    private record Target(Session session, Qos granted, @Nullable PersistedMessage row) {
    }
}
