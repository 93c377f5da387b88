package io.ternmq.core;

import io.ternmq.protocol.AckProperties;
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
import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.Suback;
import io.ternmq.protocol.Subscribe;
import io.ternmq.protocol.TopicSubscription;
import io.ternmq.protocol.Unsuback;
import io.ternmq.protocol.Unsubscribe;
import io.ternmq.store.RetainedMessage;
import io.ternmq.store.StorageMode;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;

/** What a connected client's packets do, one method per kind; runs on the session's owner thread. */
final class PacketHandling {

    /** The start of a shared subscription's filter (MQTT 5, 4.8.2). */

    private PacketHandling() {
    }

    static void handle(Connection connection, MqttPacket packet, BrokerContext broker) {
        Session session = connection.session();
        switch (packet) {
            case Publish publish -> publish(connection, publish, broker);
            case Puback ack -> session.onPuback(ack.packetId());
            case Pubrec rec -> session.onPubrec(rec.packetId(), rec.reasonCode());
            case Pubrel rel -> pubrel(connection, rel, broker);
            case Pubcomp comp -> session.onPubcomp(comp.packetId());
            case Subscribe subscribe -> subscribe(connection, subscribe, broker);
            case Unsubscribe unsubscribe -> unsubscribe(connection, unsubscribe);
            case Pingreq ping -> connection.channel().send(Pingresp.INSTANCE); // [MQTT-3.12.4-1]
            case Disconnect disconnect -> connection.disconnect(disconnect); // [MQTT-3.14.4-3]
            case Connect second -> connection.violation("second CONNECT"); // [MQTT-3.1.0-2]
            case Connack c -> connection.violation("CONNACK sent by a client"); // [MQTT-4.8.0-1]
            case Suback s -> connection.violation("SUBACK sent by a client"); // [MQTT-4.8.0-1]
            case Unsuback u -> connection.violation("UNSUBACK sent by a client"); // [MQTT-4.8.0-1]
            case Pingresp p -> connection.violation("PINGRESP sent by a client"); // [MQTT-4.8.0-1]
            // the 3.1.1 decoder rejects type 15; a 5.0 client may send AUTH only after CONNECT with a method
            case Auth auth -> EnhancedAuthentication.afterConnack(connection, auth); // [MQTT-4.12.0-7]
        }
    }

    /**
     * [MQTT-4.3.3-2] the id may be used for a new message again; PUBCOMP also for an unknown id: nothing to redo
     * (3.1.1), or, to an MQTT 5 client, reason code 0x92 Packet Identifier not found [MQTT-3.7.2-1].
     */
    private static void pubrel(Connection connection, Pubrel rel, BrokerContext broker) {
        Session session = connection.session();
        boolean wasStored = session.isStored();
        boolean known = session.release(rel.packetId());
        ReasonCode code = known || !connection.isMqtt5() ? ReasonCode.SUCCESS : ReasonCode.PACKET_IDENTIFIER_NOT_FOUND;
        Pubcomp reply = new Pubcomp(rel.packetId(), code, AckProperties.EMPTY); // [MQTT-4.3.3-11]
        if (!isDurable(broker)) {
            connection.channel().send(reply);
            return;
        }
        AckOrder.Slot slot = connection.acks().expect(reply);
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
    private static void publish(Connection connection, Publish received, BrokerContext broker) {
        broker.stats().publishReceived(received.qos());
        Publish publish = connection.isMqtt5() ? Mqtt5Publish.inbound(connection, received) : received;
        if (publish == null) {
            return; // the connection was closed for a protocol error
        }
        ReasonCode unsupported = broker.config().mqtt5().connectPolicy().unsupported(publish);
        if (unsupported != null) {
            // [MQTT-3.2.2-11] [MQTT-3.2.2-14] beyond what the CONNACK announced: DISCONNECT 0x9B / 0x9A (3.1.1: close)
            connection.violation(unsupported, "PUBLISH " + unsupported);
            return;
        }
        String beyondLimits = broker.config().topicLimits().exceededBy(publish.topic());
        if (beyondLimits != null) {
            // 3.1.1 has no way to refuse a single PUBLISH; 5.0 is told why
            connection.violation(ReasonCode.TOPIC_NAME_INVALID, "PUBLISH " + beyondLimits);
            return;
        }
        if (publish.qos() != Qos.AT_MOST_ONCE && isDurable(broker)) {
            publishStored(connection, publish, broker);
            return;
        }
        switch (publish.qos()) {
            case AT_MOST_ONCE -> routeIfAllowed(connection, publish, broker);
            case AT_LEAST_ONCE -> {
                ReasonCode code = routeIfAllowed(connection, publish, broker);
                // [MQTT-4.3.2-2] [MQTT-2.3.1-6] (5.0: [MQTT-4.3.2-4] [MQTT-3.4.2-1])
                connection.channel().send(new Puback(publish.packetId(), code, AckProperties.EMPTY));
            }
            case EXACTLY_ONCE -> connection.channel().send(publishExactlyOnce(connection, publish, broker, null));
        }
    }

    /**
     * [MQTT-4.3.3-2] routed once; a resend before PUBREL only gets its PUBREC again [MQTT-4.3.3-10]. An MQTT 5
     * publisher refused by the authorizer gets PUBREC 0x87 and its id is not kept: the flow ends there
     * [MQTT-4.3.3-9].
     */
    private static Pubrec publishExactlyOnce(Connection connection, Publish publish, BrokerContext broker,
                                             @Nullable StoreAck ack) {
        Session session = connection.session();
        boolean mayPublish = broker.authorizer().mayPublish(connection.identity(), publish.topic());
        if (!mayPublish) {
            broker.stats().unauthorizedPublishes.increment();
            if (connection.isMqtt5()) {
                return new Pubrec(publish.packetId(), ReasonCode.NOT_AUTHORIZED, AckProperties.EMPTY);
            }
        }
        ReasonCode code = ReasonCode.SUCCESS;
        if (session.receiveExactlyOnce(publish.packetId())) {
            if (ack != null && session.isStored()) {
                ack.wrote();
            }
            if (mayPublish) {
                code = route(connection, publish, broker, ack);
            }
        }
        return new Pubrec(publish.packetId(), code, AckProperties.EMPTY); // [MQTT-2.3.1-6] [MQTT-4.3.3-8]
    }

    /**
     * QoS 1/2 with durable storage: the PUBACK/PUBREC goes out, in arrival order, once every write its handling
     * caused (inbound QoS 2 id, retained update, persistent sessions' rows) is stored [MQTT-4.3.2-2]
     * [MQTT-4.3.3-2]; a message nobody stores is acknowledged at once.
     */
    private static void publishStored(Connection connection, Publish publish, BrokerContext broker) {
        AckOrder acks = connection.acks();
        // the place in the order is taken now; the reason code is filled in once routed
        AckOrder.Slot slot = acks.expect(new Puback(publish.packetId()));
        SessionThread owner = connection.owner();
        var ack = new StoreAck(broker.stores().storage(), () -> owner.execute(() -> acks.ready(slot)));
        try {
            if (publish.qos() == Qos.AT_LEAST_ONCE) {
                ReasonCode code = routeIfAllowed(connection, publish, broker, ack);
                // [MQTT-4.3.2-2] [MQTT-2.3.1-6]
                slot.answer(new Puback(publish.packetId(), code, AckProperties.EMPTY));
            } else {
                slot.answer(publishExactlyOnce(connection, publish, broker, ack));
            }
        } finally {
            ack.partDone();
        }
        connection.storagePressure().afterStoredPublish();
    }

    /**
     * [MQTT-3.3.5-2] an unauthorized PUBLISH is not routed; 3.1.1 cannot say no, so it is acknowledged normally,
     * while an MQTT 5 publisher of QoS 1/2 gets reason code 0x87.
     */
    private static ReasonCode routeIfAllowed(Connection connection, Publish publish, BrokerContext broker,
                                             @Nullable StoreAck ack) {
        if (!broker.authorizer().mayPublish(connection.identity(), publish.topic())) {
            broker.stats().unauthorizedPublishes.increment();
            return connection.isMqtt5() ? ReasonCode.NOT_AUTHORIZED : ReasonCode.SUCCESS;
        }
        return route(connection, publish, broker, ack);
    }

    /** Routes; an MQTT 5 publisher learns when nobody subscribed (0x10), a 3.1.1 one always gets success. */
    private static ReasonCode route(Connection connection, Publish publish, BrokerContext broker,
                                    @Nullable StoreAck ack) {
        // the publisher's session: its No Local subscriptions do not get the message [MQTT-3.8.3-3]
        Routed outcome = broker.router().route(publish, connection.session(), ack);
        connection.afterRoute();
        return outcome == Routed.NO_SUBSCRIBERS && connection.isMqtt5()
                ? ReasonCode.NO_MATCHING_SUBSCRIBERS : ReasonCode.SUCCESS;
    }

    private static ReasonCode routeIfAllowed(Connection connection, Publish publish, BrokerContext broker) {
        return routeIfAllowed(connection, publish, broker, null);
    }

    /**
     * [MQTT-3.8.4-4] handled like one SUBSCRIBE per filter, answered by one SUBACK with the same id [MQTT-3.8.4-2]
     * and one code per filter in order [MQTT-3.8.4-5] [MQTT-3.9.3-1]; retained messages follow the SUBACK.
     */
    private static void subscribe(Connection connection, Subscribe subscribe, BrokerContext broker) {
        Integer identifier = subscribe.properties().subscriptionIdentifier(); // 3.8.2.1.2: for every filter
        if (identifier != null && !broker.config().mqtt5().subscriptions().identifiers()) {
            // the CONNACK said Subscription Identifier Available 0
            connection.violation(ReasonCode.SUBSCRIPTION_IDENTIFIERS_NOT_SUPPORTED,
                    "subscription identifier while they are not available");
            return;
        }
        Session session = connection.session();
        List<Integer> codes = new ArrayList<>(subscribe.subscriptions().size());
        List<Granted> granted = new ArrayList<>(subscribe.subscriptions().size());
        for (TopicSubscription subscription : subscribe.subscriptions()) {
            ReasonCode refusal = refusal(connection, session, subscription.topicFilter(), broker);
            if (refusal == null) {
                boolean existed = session.isSubscribed(subscription.topicFilter());
                var options = SubscriptionOptions.of(subscription, identifier);
                session.subscribe(subscription.topicFilter(), options);
                codes.add(subscription.qos().value()); // we support every QoS: granted = requested
                if (SubscribeRules.sendsRetained(subscription, existed)) {
                    granted.add(new Granted(subscription, options));
                }
            } else {
                // [MQTT-3.9.3-2] 3.1.1 has one failure code; 5.0 says which [MQTT-3.8.4-7]
                codes.add(connection.isMqtt5() ? refusal.value() : Suback.FAILURE);
            }
        }
        // [MQTT-3.8.4-1] through the session: a stored one sends it once its new subscriptions are durable, so that
        // no crash forgets a subscription the client was told it has; its retained messages follow in order
        session.send(new Suback(subscribe.packetId(), codes));
        for (Granted subscription : granted) {
            sendRetained(session, subscription, broker);
        }
    }

    /** A subscription just made whose matching retained messages follow the SUBACK. */
    private record Granted(TopicSubscription requested, SubscriptionOptions options) {
    }

    /**
     * Why a filter is refused [MQTT-3.9.3-2], or null when it is granted: beyond the topic limits (0x8F, well
     * formed but not accepted here), a subscription feature that is off or an invalid shared filter
     * ({@link SubscribeRules#refusal}), a new filter beyond the session's quota (0x97), or not allowed by the
     * authorizer (0x87), which judges a shared subscription by its topic filter.
     */
    private static @Nullable ReasonCode refusal(Connection connection, Session session, String filter,
                                                BrokerContext broker) {
        TopicLimits limits = broker.config().topicLimits();
        if (limits.exceededBy(filter) != null) {
            return ReasonCode.TOPIC_FILTER_INVALID;
        }
        ReasonCode unsupported = SubscribeRules.refusal(filter, broker.config().mqtt5().subscriptions());
        if (unsupported != null) {
            return unsupported;
        }
        if (!session.isSubscribed(filter) && session.subscriptionCount() >= limits.maxSubscriptionsPerClient()) {
            return ReasonCode.QUOTA_EXCEEDED;
        }
        if (!broker.authorizer().maySubscribe(connection.identity(), SharedFilter.topicFilterOf(filter))) {
            return ReasonCode.NOT_AUTHORIZED;
        }
        return null;
    }

    /**
     * [MQTT-3.10.4-6] each filter on its own, one UNSUBACK with the same id [MQTT-3.10.4-4], even when nothing was
     * removed [MQTT-3.10.4-5]; 5.0 adds one code per filter in order [MQTT-3.11.3-1]: 0x00, or 0x11 when there
     * was no such subscription.
     */
    private static void unsubscribe(Connection connection, Unsubscribe unsubscribe) {
        Session session = connection.session();
        List<Integer> codes = new ArrayList<>(unsubscribe.topicFilters().size());
        for (String filter : unsubscribe.topicFilters()) {
            boolean removed = session.unsubscribe(filter);
            codes.add((removed ? ReasonCode.SUCCESS : ReasonCode.NO_SUBSCRIPTION_EXISTED).value());
        }
        // through the session, like SUBACK: a stored one answers once the removal is durable
        session.send(connection.isMqtt5()
                ? new Unsuback(unsubscribe.packetId(), codes, AckProperties.EMPTY)
                : new Unsuback(unsubscribe.packetId()));
    }

    /**
     * [MQTT-3.3.1-6] matching retained messages, also on re-subscribe [MQTT-3.8.4-3], with RETAIN=1 [MQTT-3.3.1-8],
     * carrying the subscription's identifier [MQTT-3.3.4-3].
     */
    private static void sendRetained(Session session, Granted subscription, BrokerContext broker) {
        List<RetainedMessage> matching = new ArrayList<>();
        broker.retained().forEachMatching(subscription.requested().topicFilter(), matching::add);
        for (RetainedMessage message : matching) {
            Qos qos = Qos.min(message.qos(), subscription.options().qos()); // [MQTT-3.8.4-6]
            // [MQTT-3.3.2-6] with what is left of its expiry
            session.deliver(RetainedDeliveries.of(message, qos, subscription.options().identifiers()));
        }
    }
}
