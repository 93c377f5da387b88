package io.ternmq.e2e.robustness;

import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.ReceivedPublish;
import io.ternmq.testkit.Retain;
import io.ternmq.testkit.SessionPresent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ternmq start} stopped by SIGTERM: it closes its clients, writes its store, exits 0, and an acknowledged
 * QoS 1 message queued for a persistent session is there after the restart (wal mode).
 */
class GracefulShutdownTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path logs;

    @Test
    void sigterm_withClientsAndAQueuedMessage_exitsZeroAndTheMessageSurvives() throws InterruptedException {
        RawMqttClient stillConnected;
        try (CliBrokerProcess broker = CliBrokerProcess.start(dataDir, logs.resolve("first.log"))) {
            RawMqttClient subscriber = connect(broker.port(), "sub", CleanSession.NO, SessionPresent.NO);
            subscriber.send(Packets.subscribe(1, "q/#", 1)).expectPacket(Packets.suback(1, 1));
            subscriber.send(Packets.disconnect()).expectClosed();
            RawMqttClient publisher = connect(broker.port(), "pub", CleanSession.YES, SessionPresent.NO);
            publisher.send(Packets.publish("q/kept", 1, Retain.NO, Dup.NO, 7, "kept"))
                    .expectPacket(Packets.puback(7)); // acknowledged: the broker now owes it to "sub"
            stillConnected = publisher;

            assertThat(broker.terminate()).as("exit code after SIGTERM; output:%n%s", broker.output()).isZero();

            stillConnected.expectClosed();
            assertThat(broker.output()).contains("SIGTERM received", "TernMQ stopped");
        }
        try (CliBrokerProcess broker = CliBrokerProcess.start(dataDir, logs.resolve("second.log"))) {
            RawMqttClient subscriber = connect(broker.port(), "sub", CleanSession.NO, SessionPresent.YES);
            ReceivedPublish kept = subscriber.readPublish();
            subscriber.send(Packets.puback(kept.packetId()));
            assertThat(kept.topic()).isEqualTo("q/kept");
            assertThat(kept.payloadText()).isEqualTo("kept");
            subscriber.send(Packets.disconnect()).expectClosed();
            assertThat(broker.terminate()).as("exit code after SIGTERM; output:%n%s", broker.output()).isZero();
        }
    }

    private static RawMqttClient connect(int port, String clientId, CleanSession clean, SessionPresent expected) {
        return RawMqttClient.connect("127.0.0.1", port).send(Packets.connect(clientId, clean, 60))
                .expectPacket(Packets.connack(expected, 0));
    }
}
