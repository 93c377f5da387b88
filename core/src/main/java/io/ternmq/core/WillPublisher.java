package io.ternmq.core;

import io.ternmq.core.auth.ClientIdentity;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Will;

/**
 * Publishes a will like any PUBLISH of its client, with its QoS and RETAIN [MQTT-3.1.2-16] [MQTT-3.1.2-17] and,
 * in MQTT 5, its properties, user properties in their order [MQTT-3.1.3-10]. The authorizer decides when the
 * connection ends, with the identity it had; a delayed will that passed is published when its time comes.
 */
final class WillPublisher {

    private WillPublisher() {
    }

    /**
     * The connection ended without a normal DISCONNECT [MQTT-3.1.2-8]: the will goes out now, or, with a Will Delay
     * Interval (MQTT 5), waits with its session, which publishes it when the delay passes or the session ends.
     */
    static void connectionEnded(BrokerContext broker, ClientIdentity identity, Will will, Session session) {
        if (!authorized(broker, identity, will)) {
            return;
        }
        if (DelayedWill.delayOf(will) > 0) {
            session.delayedWill(new DelayedWill(will));
        } else {
            publish(broker, will);
        }
    }

    /** Whether the client may publish its will at all; a refusal is counted. */
    static boolean authorized(BrokerContext broker, ClientIdentity identity, Will will) {
        if (broker.authorizer().mayPublish(identity, will.topic())) {
            return true;
        }
        broker.stats().unauthorizedPublishes.increment();
        return false;
    }

    /** Routes an authorized will now. */
    static void publish(BrokerContext broker, Will will) {
        broker.router().route(new Publish(will.topic(), will.qos(), will.retain(), false, 0, will.payload(),
                WillMessages.publishProperties(will.properties())));
    }
}
