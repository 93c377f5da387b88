package io.ternmq.core;

import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.store.RetainedMessage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes within this node: retained update, one tree match (one entry per session at its highest granted QoS
 * [MQTT-3.3.5-1]), then one task per owning session thread carrying all of that thread's targets.
 */
final class LocalRouter implements Router {

    private final SessionThreads threads;
    private final SubscriptionTree<Session> subscriptions;
    private final RetainedIndex retained;
    private final CoreStats stats;

    LocalRouter(SessionThreads threads, SubscriptionTree<Session> subscriptions, RetainedIndex retained,
                CoreStats stats) {
        this.threads = threads;
        this.subscriptions = subscriptions;
        this.retained = retained;
        this.stats = stats;
    }

    @Override
    public void route(Publish message) {
        if (message.retain()) {
            updateRetained(message);
        }
        Map<Session, Qos> targets = new HashMap<>();
        subscriptions.match(message.topic(), targets);
        if (targets.isEmpty()) {
            stats.noSubscriberDrops.increment();
            return;
        }
        List<Target>[] byThread = groupByThread(targets);
        for (int i = 0; i < byThread.length; i++) {
            List<Target> group = byThread[i];
            if (group != null) {
                threads.get(i).execute(() -> deliverAll(group, message));
            }
        }
    }

    private void updateRetained(Publish message) {
        if (message.payload().length == 0) {
            retained.clear(message.topic()); // [MQTT-3.3.1-10] [MQTT-3.3.1-11]
        } else {
            // [MQTT-3.3.1-5] kept with its QoS; [MQTT-3.3.1-7] a QoS 0 one replaces the earlier message too
            retained.retain(new RetainedMessage(message.topic(), message.payload(), message.qos()));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // generic array creation: one slot per session thread
    private List<Target>[] groupByThread(Map<Session, Qos> targets) {
        List<Target>[] byThread = new List[threads.size()];
        for (Map.Entry<Session, Qos> e : targets.entrySet()) {
            int index = e.getKey().owner().index();
            List<Target> group = byThread[index];
            if (group == null) {
                group = new ArrayList<>();
                byThread[index] = group;
            }
            group.add(new Target(e.getKey(), e.getValue()));
        }
        return byThread;
    }

    private static void deliverAll(List<Target> group, Publish message) {
        for (Target target : group) {
            target.session().deliver(message, target.granted());
        }
    }

    private record Target(Session session, Qos granted) {
    }
}
