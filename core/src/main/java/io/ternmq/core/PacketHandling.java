package io.ternmq.core;

import io.ternmq.protocol.Auth;
import io.ternmq.protocol.Connack;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.Disconnect;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.Pingreq;
import io.ternmq.protocol.Pingresp;
import io.ternmq.protocol.Puback;
import io.ternmq.protocol.Pubcomp;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Pubrec;
import io.ternmq.protocol.Pubrel;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.Suback;
import io.ternmq.protocol.Subscribe;
import io.ternmq.protocol.TopicSubscription;
import io.ternmq.protocol.Unsuback;
import io.ternmq.protocol.Unsubscribe;
import io.ternmq.store.RetainedMessage;
import io.ternmq.store.StorageMode;

import java.util.ArrayList;
import java.util.List;

/** What a connected client's packets do, one method per kind; runs on the session's owner thread. */
final class PacketHandling {

    private PacketHandling() {
    }

    static void handle(Connection connection, MqttPacket packet, BrokerContext broker) {
        Session session = connection.session();
        switch (packet) {
            case Publish publish -> publish(connection, publish, broker);
            case Puback ack -> session.onPuback(ack.packetId());
            case Pubrec rec -> session.onPubrec(rec.packetId());
            case Pubrel rel -> pubrel(connection, rel, broker);
            case Pubcomp comp -> session.onPubcomp(comp.packetId());
            case Subscribe subscribe -> subscribe(connection, subscribe, broker);
            case Unsubscribe unsubscribe -> {
                unsubscribe.topicFilters().forEach(session::unsubscribe); // [MQTT-3.10.4-6]
                // [MQTT-3.10.4-4] same id, [MQTT-3.10.4-5] even when nothing was removed
                connection.channel().send(new Unsuback(unsubscribe.packetId()));
            }
            case Pingreq ping -> connection.channel().send(Pingresp.INSTANCE); // [MQTT-3.12.4-1]
            case Disconnect disconnect -> connection.disconnect(); // [MQTT-3.14.4-3]
            case Connect second -> connection.violation("second CONNECT"); // [MQTT-3.1.0-2]
            case Connack c -> connection.violation("CONNACK sent by a client"); // [MQTT-4.8.0-1]
            case Suback s -> connection.violation("SUBACK sent by a client"); // [MQTT-4.8.0-1]
            case Unsuback u -> connection.violation("UNSUBACK sent by a client"); // [MQTT-4.8.0-1]
            case Pingresp p -> connection.violation("PINGRESP sent by a client"); // [MQTT-4.8.0-1]
            // AUTH exists only in MQTT 5, which this path does not speak yet (the 3.1.1 decoder rejects type 15)
            case Auth a -> connection.violation("AUTH on a connection without MQTT 5"); // [MQTT-4.8.0-1]
        }
    }

    /** [MQTT-4.3.3-2] the id may be used for a new message again; PUBCOMP also for an unknown id: nothing to redo. */
    private static void pubrel(Connection connection, Pubrel rel, BrokerContext broker) {
        Session session = connection.session();
        if (!isDurable(broker)) {
            session.release(rel.packetId());
            connection.channel().send(new Pubcomp(rel.packetId()));
            return;
        }
        boolean wasStored = session.isStored();
        session.release(rel.packetId());
        AckOrder.Slot slot = connection.acks().expect(new Pubcomp(rel.packetId()));
        if (wasStored) {
            // the id's removal is stored before PUBCOMP: a restart must not take a new message with it for a resend
            SessionThread owner = connection.owner();
            broker.stores().storage().afterWrites(() -> owner.execute(() -> connection.acks().ready(slot)));
        } else {
            connection.acks().ready(slot);
        }
    }

    /** Whether acknowledgements wait for storage: not in the memory mode, where nothing survives anyway. */
    private static boolean isDurable(BrokerContext broker) {
        return broker.stores().storage().mode() != StorageMode.MEMORY;
    }

    /** [MQTT-3.3.4-1] answered per QoS: nothing, PUBACK or PUBREC. */
    private static void publish(Connection connection, Publish publish, BrokerContext broker) {
        broker.stats().publishReceived(publish.qos());
        String beyondLimits = broker.config().topicLimits().exceededBy(publish.topic());
        if (beyondLimits != null) {
            connection.violation("PUBLISH " + beyondLimits); // 3.1.1 has no way to refuse a single PUBLISH
            return;
        }
        if (publish.qos() != Qos.AT_MOST_ONCE && isDurable(broker)) {
            publishStored(connection, publish, broker);
            return;
        }
        switch (publish.qos()) {
            case AT_MOST_ONCE -> routeIfAllowed(connection, publish, broker);
            case AT_LEAST_ONCE -> {
                routeIfAllowed(connection, publish, broker);
                connection.channel().send(new Puback(publish.packetId())); // [MQTT-4.3.2-2] [MQTT-2.3.1-6]
            }
            case EXACTLY_ONCE -> {
                // [MQTT-4.3.3-2] routed once; a resend before PUBREL only gets its PUBREC again
                if (connection.session().receiveExactlyOnce(publish.packetId())) {
                    routeIfAllowed(connection, publish, broker);
                }
                connection.channel().send(new Pubrec(publish.packetId())); // [MQTT-2.3.1-6]
            }
        }
    }

    /**
     * QoS 1/2 with durable storage: the PUBACK/PUBREC goes out, in arrival order, once every write its handling
     * caused (inbound QoS 2 id, retained update, persistent sessions' rows) is stored [MQTT-4.3.2-2]
     * [MQTT-4.3.3-2]; a message nobody stores is acknowledged at once.
     */
    private static void publishStored(Connection connection, Publish publish, BrokerContext broker) {
        MqttPacket reply = publish.qos() == Qos.AT_LEAST_ONCE
                ? new Puback(publish.packetId()) // [MQTT-4.3.2-2] [MQTT-2.3.1-6]
                : new Pubrec(publish.packetId()); // [MQTT-2.3.1-6]
        AckOrder acks = connection.acks();
        AckOrder.Slot slot = acks.expect(reply);
        SessionThread owner = connection.owner();
        var ack = new StoreAck(broker.stores().storage(), () -> owner.execute(() -> acks.ready(slot)));
        try {
            Session session = connection.session();
            if (publish.qos() == Qos.AT_LEAST_ONCE) {
                routeIfAllowed(connection, publish, broker, ack);
            } else if (session.receiveExactlyOnce(publish.packetId())) { // [MQTT-4.3.3-2] routed once
                if (session.isStored()) {
                    ack.wrote();
                }
                routeIfAllowed(connection, publish, broker, ack);
            }
        } finally {
            ack.partDone();
        }
        connection.storagePressure().afterStoredPublish();
    }

    private static void routeIfAllowed(Connection connection, Publish publish, BrokerContext broker, StoreAck ack) {
        if (broker.authorizer().mayPublish(connection.identity(), publish.topic())) { // [MQTT-3.3.5-2]
            broker.router().route(publish, connection.session(), ack); // the session: for No Local
        } else {
            broker.stats().unauthorizedPublishes.increment();
        }
    }

    /**
     * [MQTT-3.3.5-2] an unauthorized PUBLISH is acknowledged normally but not routed: 3.1.1 cannot say no.
     */
    private static void routeIfAllowed(Connection connection, Publish publish, BrokerContext broker) {
        if (broker.authorizer().mayPublish(connection.identity(), publish.topic())) {
            broker.router().route(publish, connection.session(), null); // the session: for No Local
        } else {
            broker.stats().unauthorizedPublishes.increment();
        }
    }

    /**
     * [MQTT-3.8.4-4] handled like one SUBSCRIBE per filter, answered by one SUBACK with the same id [MQTT-3.8.4-2]
     * and one code per filter in order [MQTT-3.8.4-5] [MQTT-3.9.3-1]; retained messages follow the SUBACK.
     */
    private static void subscribe(Connection connection, Subscribe subscribe, BrokerContext broker) {
        Session session = connection.session();
        List<Integer> codes = new ArrayList<>(subscribe.subscriptions().size());
        List<TopicSubscription> granted = new ArrayList<>(subscribe.subscriptions().size());
        for (TopicSubscription subscription : subscribe.subscriptions()) {
            if (withinLimits(session, subscription.topicFilter(), broker)
                    && broker.authorizer().maySubscribe(connection.identity(), subscription.topicFilter())) {
                session.subscribe(subscription.topicFilter(), subscription.qos());
                codes.add(subscription.qos().value()); // we support every QoS: granted = requested
                granted.add(subscription);
            } else {
                codes.add(Suback.FAILURE); // [MQTT-3.9.3-2]
            }
        }
        connection.channel().send(new Suback(subscribe.packetId(), codes)); // [MQTT-3.8.4-1]
        for (TopicSubscription subscription : granted) {
            sendRetained(session, subscription, broker);
        }
    }

    /** A filter beyond the topic limits, or a new one beyond the session's quota, is refused [MQTT-3.9.3-2]. */
    private static boolean withinLimits(Session session, String filter, BrokerContext broker) {
        TopicLimits limits = broker.config().topicLimits();
        if (limits.exceededBy(filter) != null) {
            return false;
        }
        return session.isSubscribed(filter) || session.subscriptionCount() < limits.maxSubscriptionsPerClient();
    }

    /** [MQTT-3.3.1-6] matching retained messages, also on re-subscribe [MQTT-3.8.4-3], with RETAIN=1 [MQTT-3.3.1-8]. */
    private static void sendRetained(Session session, TopicSubscription subscription, BrokerContext broker) {
        List<RetainedMessage> matching = new ArrayList<>();
        broker.retained().forEachMatching(subscription.topicFilter(), matching::add);
        for (RetainedMessage message : matching) {
            Qos qos = Qos.min(message.qos(), subscription.qos()); // [MQTT-3.8.4-6]
            session.deliver(new Delivery(message.topic(), message.payload(), qos, true));
        }
    }
}
