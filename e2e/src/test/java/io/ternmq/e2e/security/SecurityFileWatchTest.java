package io.ternmq.e2e.security;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.SessionPresent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** An edited ACL file is picked up by polling, without a call or a signal. */
class SecurityFileWatchTest {

    private static final Path ACL = SecurityFiles.text(SecurityFiles.directory().resolve("acl.conf"),
            "topic read a/#\n");

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.with(b -> b.aclFile(ACL)
            .securityReloadInterval(Duration.ofMillis(50)));

    @Test
    void editedFile_reloadedWithinTheInterval() throws IOException {
        broker.connected("w-1").send(Packets.subscribe(1, "b/c", 0)).expectBytes("90 03 00 01 80");

        Files.writeString(ACL, "topic read a/#\ntopic read b/#\n# edited\n");

        await().atMost(BrokerExtension.WAIT).until(() -> broker.broker().securityStats().reloads() == 1);
        broker.raw().send(Packets.connectBuilder("w-2").build()).expectPacket(Packets.connack(SessionPresent.NO, 0))
                .send(Packets.subscribe(1, "b/c", 0)).expectBytes("90 03 00 01 00");
    }
}
