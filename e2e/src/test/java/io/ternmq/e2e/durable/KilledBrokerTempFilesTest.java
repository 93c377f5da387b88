package io.ternmq.e2e.durable;

import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.Retain;
import io.ternmq.testkit.SessionPresent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broker with durable storage that is killed leaves no copy of RocksDB's native library (15 MB) in its JVM's
 * temporary directory: RocksDB unpacks one there at every start and would delete it only at a normal exit.
 */
@EnabledOnOs(OS.LINUX) // the copy is removed once mapped, which Linux allows and the broker reads from /proc
class KilledBrokerTempFilesTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path jvmTempDir;

    @Test
    @Timeout(60)
    void killedDurableBroker_afterStoringAMessage_leavesNoNativeLibraryCopy() throws IOException {
        try (ChildBroker broker = ChildBroker.start(dataDir, jvmTempDir)) {
            assertThat(nativeLibraryCopies()).isEmpty();
            RawMqttClient client = Mqtt.connect(broker.port(), "temp-files", CleanSession.YES, SessionPresent.NO);
            Mqtt.publishQos1(client, "temp/retained", Retain.YES, 1, "stored");
            Mqtt.disconnect(client);
            broker.kill();
        }

        assertThat(nativeLibraryCopies()).isEmpty();
    }

    private List<Path> nativeLibraryCopies() throws IOException {
        try (Stream<Path> files = Files.list(jvmTempDir)) {
            return files.filter(file -> file.getFileName().toString().startsWith("librocksdbjni")).toList();
        }
    }
}
