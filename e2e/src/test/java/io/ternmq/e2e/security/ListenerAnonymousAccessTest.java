package io.ternmq.e2e.security;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.server.security.AnonymousAccess;
import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.SessionPresent;
import io.ternmq.transport.ListenerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Anonymous access per listener: a listener's own {@code allow_anonymous: false} refuses clients without a user
 * name even where the broker-wide setting allows them, and a listener's {@code true} never opens what the
 * broker-wide setting closes.
 */
class ListenerAnonymousAccessTest {

    @RegisterExtension
    static final BrokerExtension open = BrokerExtension.with(b -> b
            .defaultListenerAnonymous(io.ternmq.transport.AnonymousAccess.DENIED)
            .listener(ListenerConfig.tcp("public", "127.0.0.1", 0)));

    @RegisterExtension
    static final BrokerExtension closed = BrokerExtension.with(b -> b
            .anonymousAccess(AnonymousAccess.DENIED)
            .listener(ListenerConfig.tcp("public", "127.0.0.1", 0)));

    private static RawMqttClient anonymousOn(BrokerExtension broker, String listener, String clientId) {
        return broker.closeAfterTest(RawMqttClient.connect("127.0.0.1", broker.broker().port(listener)))
                .send(Packets.connect(clientId, CleanSession.YES, 60));
    }

    @Test
    void connect_anonymousOnAListenerThatRefusesIt_notAuthorized() {
        anonymousOn(open, "tcp", "anon-tcp").expectPacket(Packets.connack(SessionPresent.NO, 0x05)).expectClosed();
    }

    @Test
    void connect_anonymousOnAListenerThatAllowsIt_accepted() {
        anonymousOn(open, "public", "anon-public").expectPacket(Packets.connack(SessionPresent.NO, 0x00));
    }

    @Test
    void connect_listenerAllowsButBrokerRefusesAnonymous_notAuthorized() {
        anonymousOn(closed, "public", "anon-closed").expectPacket(Packets.connack(SessionPresent.NO, 0x05))
                .expectClosed();
    }
}
