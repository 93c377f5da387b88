package io.ternmq.server;

import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.Retain;
import io.ternmq.testkit.SessionPresent;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Both places sessions can run deliver the same way; only own_threads starts threads of its own for them. */
class SessionThreadingTest {

    private static final String SESSION_THREAD_PREFIX = "ternmq-session-";

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(SessionThreading.class)
    void publishQos1_eitherThreading_deliversAndAcknowledges(SessionThreading threading) {
        try (Broker broker = Broker.builder().bind("127.0.0.1").port(0).dataDir(dataDir).sessionThreads(2)
                .sessionThreading(threading).start();
             var subscriber = RawMqttClient.connect("127.0.0.1", broker.port());
             var publisher = RawMqttClient.connect("127.0.0.1", broker.port())) {
            subscriber.send(Packets.connect("sub", CleanSession.YES, 60))
                    .expectPacket(Packets.connack(SessionPresent.NO, 0))
                    .send(Packets.subscribe(1, "t/#", 1))
                    .expectPacket(Packets.suback(1, 1));
            publisher.send(Packets.connect("pub", CleanSession.YES, 60))
                    .expectPacket(Packets.connack(SessionPresent.NO, 0));

            for (int id = 1; id <= 50; id++) {
                publisher.send(Packets.publish("t/" + id, 1, Retain.NO, Dup.NO, id, "m" + id))
                        .expectPacket(Packets.puback(id));
            }

            for (int id = 1; id <= 50; id++) {
                var received = subscriber.readPublish();
                assertThat(received.topic()).isEqualTo("t/" + id);
                assertThat(received.payloadText()).isEqualTo("m" + id);
                subscriber.send(Packets.puback(received.packetId()));
            }
            assertThat(sessionThreadNames().isEmpty()).isEqualTo(threading == SessionThreading.IO_THREADS);
        }
    }

    private static Set<String> sessionThreadNames() {
        var names = new TreeSet<String>();
        Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith(SESSION_THREAD_PREFIX)).forEach(names::add);
        return names;
    }
}
