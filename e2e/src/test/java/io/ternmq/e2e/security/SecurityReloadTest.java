package io.ternmq.e2e.security;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Flows;
import io.ternmq.server.security.ReloadResult;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.SessionPresent;
import io.ternmq.testkit.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
/** The ACL changes while clients are connected: applied atomically, invalid files rejected, revoked filters removed. */
class SecurityReloadTest {

    private static final String ALICE_READS_A_AND_MARKER = "user alice\ntopic read a/#\ntopic read marker\n"
            + "user bob\ntopic write #\n";

    @TempDir
    Path directory;

    @RegisterExtension
    final BrokerExtension broker = BrokerExtension.with(b -> b.aclFile(acl(ALICE_READS_A_AND_MARKER))
            .securityReloadInterval(Duration.ZERO));

    private Path acl(String content) {
        try {
            return Files.writeString(directory.resolve("acl.conf"), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RawMqttClient as(String clientId, String user) {
        return broker.raw().send(Packets.connectBuilder(clientId).username(user).password(new byte[] {1}).build())
                .expectPacket(Packets.connack(SessionPresent.NO, 0));
    }

    @Test
    void reload_subscriptionNoLongerAllowed_revokedAndSubscriberStopsReceiving() {
        RawMqttClient alice = as("alice", "alice");
        BrokerExtension.subscribe(alice, "a/b", 0);
        alice.send(Packets.subscribe(2, "marker", 0)).expectPacket(Packets.suback(2, 0));
        RawMqttClient bob = as("bob", "bob");
        Flows.publishQos1(bob, "a/b", "before", 1);
        Flows.expectPublish(alice, "a/b", "before", 0);

        acl("user alice\ntopic read marker\nuser bob\ntopic write #\n");
        ReloadResult result = broker.broker().reloadSecurity();

        assertThat(result.outcome()).isEqualTo(ReloadResult.Outcome.APPLIED);
        assertThat(result.revokedSubscriptions()).isEqualTo(1);
        Flows.publishQos1(bob, "a/b", "after", 2);
        Flows.expectMarkerNext(alice, bob, "marker");
        alice.send(Packets.subscribe(3, "a/b", 0)).expectBytes("90 03 00 03 80");
        assertThat(broker.broker().securityStats().revokedSubscriptions()).isEqualTo(1);
    }

    @Test
    void reload_invalidFile_rejectedNamingFileAndLine_oldRulesStay() {
        RawMqttClient alice = as("alice", "alice");
        BrokerExtension.subscribe(alice, "a/b", 0);
        Path file = acl("user alice\ntopic read b/#\ntopik read a/#\n");

        ReloadResult result = broker.broker().reloadSecurity();

        assertThat(result.outcome()).isEqualTo(ReloadResult.Outcome.REJECTED);
        assertThat(result.message()).startsWith(file + " line 3: unknown keyword 'topik'");
        RawMqttClient bob = as("bob", "bob");
        Flows.publishQos1(bob, "a/b", "still", 1);
        Flows.expectPublish(alice, "a/b", "still", 0);
        alice.send(Packets.subscribe(2, "a/c", 0)).expectPacket(Packets.suback(2, 0));
        alice.send(Packets.subscribe(3, "b/c", 0)).expectBytes("90 03 00 03 80");
        assertThat(broker.broker().securityStats().rejectedReloads()).isEqualTo(1);
    }

    @Test
    void reload_oneSubscriptionOfSeveral_onlyThatOneRevoked() {
        RawMqttClient alice = as("alice", "alice");
        alice.send(Packets.subscribe(1, new Subscription("a/keep", 0),
                new Subscription("a/drop", 0))).expectBytes("90 04 00 01 00 00");
        acl("user alice\ntopic read a/#\ntopic deny a/drop\nuser bob\ntopic write #\n");

        assertThat(broker.broker().reloadSecurity().revokedSubscriptions()).isEqualTo(1);

        RawMqttClient bob = as("bob", "bob");
        Flows.publishQos1(bob, "a/drop", "gone", 1);
        Flows.publishQos1(bob, "a/keep", "kept", 2);
        Flows.expectPublish(alice, "a/keep", "kept", 0);
    }
}
