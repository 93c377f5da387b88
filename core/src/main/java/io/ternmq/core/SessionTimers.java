package io.ternmq.core;

import io.ternmq.protocol.Connect;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.store.StoredSession;
import io.ternmq.store.StoredWill;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What time does to a session while no client is connected (MQTT 5): its expiry counts down from the disconnect
 * and ends it [MQTT-4.1.0-2]; a delayed will waits for its delay or the session's end [MQTT-3.1.2-8]. A client
 * that connects to the session in time stops both [MQTT-4.1.0-1] [MQTT-3.1.3-9]. A stored session writes its expiry
 * time and its delayed will through, so that a restart keeps what remains of both. 3.1.1 sessions never expire
 * and publish their wills at once, so none of this writes anything for them. Owner thread only.
 */
final class SessionTimers {

    private static final Logger LOG = LoggerFactory.getLogger(SessionTimers.class);

    private SessionTimers() {
    }

    /**
     * A CONNECT created or resumes the session: its expiry interval is the CONNECT's (MQTT 5: absent means 0
     * [MQTT-3.1.2-23]; 0xFFFFFFFF never expires), capped by the configured maximum; a 3.1.1 session never expires.
     */
    static void connecting(Session session, Connect connect) {
        long interval = connect.version() == ProtocolVersion.MQTT_5
                ? session.broker().config().mqtt5().connectPolicy().sessionExpiry(
                        connect.properties().sessionExpiryInterval())
                : SessionExpiry.NEVER;
        session.expiry().interval(interval);
    }

    /** A connection is attached: the session stops expiring and a delayed will is cancelled. */
    static void attached(Session session) {
        SessionExpiryTimer expiry = session.expiry();
        boolean wasCounting = expiry.expiresAt() != null;
        expiry.stop(); // [MQTT-4.1.0-1]
        DelayedWill will = session.delayedWill();
        if (will != null) {
            will.cancel(); // [MQTT-3.1.3-9] a connection to the session in time: the will is not sent
            session.delayedWill(null);
            if (session.isStored()) {
                session.broker().stores().storage().wills().remove(session.clientId());
            }
        }
        if (wasCounting || expiry.takeChanged()) {
            session.persist();
        }
    }

    /** The connection ended and the session lives on: the interval starts counting, a delayed will waits. */
    static void detached(Session session) {
        BrokerContext broker = session.broker();
        Deadlines deadlines = session.owner().deadlines();
        long now = broker.clock().currentTimeMillis();
        SessionExpiryTimer expiry = session.expiry();
        expiry.start(deadlines, now, () -> expire(session)); // [MQTT-4.1.0-2]
        DelayedWill will = session.delayedWill();
        if (will != null) {
            will.schedule(deadlines, now, expiry.expiresAtMillis(), () -> publishDelayed(session, will));
            if (session.isStored()) {
                broker.stores().storage().wills().put(will.row(session.clientId()));
            }
        }
        if (expiry.expiresAt() != null || expiry.takeChanged()) {
            session.persist();
        }
    }

    /** The session is discarded: a delayed will still waiting goes out now [MQTT-3.1.2-8]. */
    static void ended(Session session) {
        DelayedWill will = session.delayedWill();
        if (will == null) {
            return;
        }
        will.cancel();
        session.delayedWill(null);
        if (session.lifetime() == SessionLifetime.PERSISTENT) {
            session.broker().stores().storage().wills().remove(session.clientId());
        }
        WillPublisher.publish(session.broker(), will.will());
    }

    /**
     * A session restored after a restart: its expiry goes on from the stored time, or starts now if a client was
     * connected when the broker stopped; a stored delayed will waits for what remains of its delay.
     */
    static void restored(Session session, StoredSession stored, @Nullable StoredWill storedWill) {
        SessionExpiryTimer expiry = session.expiry();
        expiry.interval(stored.expiryInterval());
        expiry.takeChanged();
        Deadlines deadlines = session.owner().deadlines();
        if (stored.expiresAt() != null) {
            expiry.runOutAt(deadlines, stored.expiresAt().toEpochMilli(), () -> expire(session));
        } else if (stored.expiryInterval() != SessionExpiry.NEVER) {
            expiry.start(deadlines, session.broker().clock().currentTimeMillis(), () -> expire(session));
            session.persist();
        }
        if (storedWill != null) {
            DelayedWill will = DelayedWill.restored(storedWill);
            session.delayedWill(will);
            will.publishAt(deadlines, will.publishAtMillis(), () -> publishDelayed(session, will));
        }
    }

    private static void expire(Session session) {
        if (session.connection() != null) {
            return; // cannot happen: attaching cancels the deadline; never end a session in use [MQTT-4.1.0-1]
        }
        LOG.info("session of client {} expired", session.clientId());
        session.broker().stats().expiredSessions.increment();
        session.discard();
    }

    private static void publishDelayed(Session session, DelayedWill will) {
        if (session.delayedWill() != will) {
            return;
        }
        session.delayedWill(null);
        if (session.isStored()) {
            session.broker().stores().storage().wills().remove(session.clientId());
        }
        WillPublisher.publish(session.broker(), will.will());
    }
}
