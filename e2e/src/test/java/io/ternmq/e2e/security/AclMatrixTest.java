package io.ternmq.e2e.security;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Flows;
import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.Retain;
import io.ternmq.testkit.SessionPresent;
import io.ternmq.testkit.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An ACL file in force (user names unverified: no password file, so raw clients can claim any name): refused
 * filters get SUBACK 0x80, refused PUBLISHes are acknowledged, not delivered, and counted.
 */
class AclMatrixTest {

    private static final Path ACL = SecurityFiles.text(SecurityFiles.directory().resolve("acl.conf"), """
            # anonymous clients
            topic read public/#

            user alice
            topic readwrite home/alice/#
            topic deny home/alice/secret
            topic read $SYS/#
            topic read marker

            user bob
            topic write home/alice/inbox
            topic write public/news
            topic write marker

            pattern readwrite clients/%c/#
            pattern read users/%u/feed
            """);

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.with(b -> b.aclFile(ACL));

    private static RawMqttClient as(String clientId, String user) {
        return broker.raw().send(Packets.connectBuilder(clientId).username(user).password(new byte[] {1}).build())
                .expectPacket(Packets.connack(SessionPresent.NO, 0));
    }

    @Test
    void subscribe_matrix_refusedFiltersGet0x80() {
        // [MQTT-3.9.3-2] [MQTT-3.8.4-5]
        as("alice-phone", "alice").send(Packets.subscribe(7,
                new Subscription("home/alice/lights", 1), // granted by readwrite home/alice/#
                new Subscription("home/alice/#", 1), // reaches the denied home/alice/secret
                new Subscription("public/#", 0), // anonymous rules do not apply to alice
                new Subscription("$SYS/#", 0), // explicit $SYS grant
                new Subscription("clients/alice-phone/#", 2), // %c
                new Subscription("clients/bob-sensor/#", 0), // another client's %c
                new Subscription("users/alice/feed", 0), // %u
                new Subscription("#", 0))) // nothing grants everything
                .expectBytes("90 0A 00 07 01 80 80 00 02 80 00 80");
    }

    @Test
    void anonymous_readsPublicOnly() {
        broker.connected("anon-1").send(Packets.subscribe(1, new Subscription("public/#", 0),
                new Subscription("home/#", 0), new Subscription("users/alice/feed", 0)))
                .expectBytes("90 05 00 01 00 80 80");
    }

    @Test
    void publish_refused_notDeliveredAndCounted() {
        // [MQTT-3.3.5-2]
        RawMqttClient alice = as("alice-tab", "alice");
        BrokerExtension.subscribe(alice, "home/alice/inbox", 0);
        alice.send(Packets.subscribe(2, "marker", 0)).expectPacket(Packets.suback(2, 0));
        RawMqttClient bob = as("bob-sensor", "bob");
        long refusedBefore = broker.stats().unauthorizedPublishes();

        Flows.publishQos1(bob, "home/alice/inbox", "allowed", 1);
        Flows.expectPublish(alice, "home/alice/inbox", "allowed", 0);
        bob.send(Packets.publish("home/alice/lights", 1, Retain.NO, Dup.NO, 2, "refused"))
                .expectPacket(Packets.puback(2)); // 3.1.1 cannot say no: acknowledged, then dropped
        Flows.expectMarkerNext(alice, bob, "marker");

        assertThat(broker.stats().unauthorizedPublishes()).isEqualTo(refusedBefore + 1);
    }

    @Test
    void anonymousPublish_readOnlyRule_refused() {
        RawMqttClient reader = broker.connected("anon-reader");
        BrokerExtension.subscribe(reader, "public/#", 0);
        RawMqttClient bob = as("bob-news", "bob");
        RawMqttClient anonymous = broker.connected("anon-writer");

        anonymous.send(Packets.publish("public/news", "from anonymous"));
        Flows.expectNoMorePublishes(anonymous);
        Flows.publishQos1(bob, "public/news", "from bob", 3);

        Flows.expectPublish(reader, "public/news", "from bob", 0);
    }

    @Test
    void patternClientId_ownTreeReadWrite() {
        RawMqttClient client = broker.raw().send(Packets.connect("dev-9", CleanSession.YES, 60))
                .expectPacket(Packets.connack(SessionPresent.NO, 0));
        BrokerExtension.subscribe(client, "clients/dev-9/#", 1);

        client.send(Packets.publish("clients/dev-9/echo", 0, Retain.NO, Dup.NO, 0, "hi"));

        Flows.expectPublish(client, "clients/dev-9/echo", "hi", 0);
    }
}
