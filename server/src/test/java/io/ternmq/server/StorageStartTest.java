package io.ternmq.server;

import io.ternmq.store.StorageMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An unreadable data directory stops startup naming the file, or is moved aside when (and only when) asked. */
class StorageStartTest {

    @TempDir
    Path root;

    private Path corruptDataDir() throws IOException {
        Path dataDir = Files.createDirectories(root.resolve("data"));
        Files.writeString(dataDir.resolve("stray.bin"), "not a database");
        return dataDir;
    }

    @Test
    void start_corruptDataDirectory_failsNamingTheFileAndKeepsIt() throws IOException {
        Path dataDir = corruptDataDir();

        assertThatThrownBy(() -> Broker.builder().port(0).storageMode(StorageMode.WAL).dataDir(dataDir).start())
                .isInstanceOf(BrokerStartException.class)
                .hasMessageContaining(dataDir.resolve("CURRENT").toString());
        assertThat(dataDir.resolve("stray.bin")).exists();
    }

    @Test
    void start_corruptDataDirectoryWithMoveAside_startsEmptyAndKeepsTheOldOne() throws IOException {
        Path dataDir = corruptDataDir();

        try (Broker broker = Broker.builder().bind("127.0.0.1").port(0).storageMode(StorageMode.WAL)
                .dataDir(dataDir).onCorruptData(CorruptDataPolicy.MOVE_ASIDE).start()) {
            assertThat(broker.storageMode()).isEqualTo(StorageMode.WAL);
        }
        try (var siblings = Files.list(root)) {
            Path aside = siblings.filter(p -> p.getFileName().toString().startsWith("data.corrupt-")).findFirst()
                    .orElseThrow();
            assertThat(aside.resolve("stray.bin")).hasContent("not a database");
        }
        assertThat(dataDir.resolve("CURRENT")).exists();
    }

    @Test
    void builder_noStorageMode_memoryForEmbedding() {
        try (Broker broker = Broker.builder().bind("127.0.0.1").port(0).dataDir(root.resolve("unused")).start()) {
            assertThat(broker.storageMode()).isEqualTo(StorageMode.MEMORY);
        }
    }
}
