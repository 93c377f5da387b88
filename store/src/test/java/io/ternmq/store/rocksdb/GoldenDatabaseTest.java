package io.ternmq.store.rocksdb;

import io.ternmq.protocol.PublishProperties;
import io.ternmq.protocol.Qos;
import io.ternmq.store.InboundPacketId;
import io.ternmq.store.InflightEntry;
import io.ternmq.store.InflightStage;
import io.ternmq.store.QueuedMessage;
import io.ternmq.store.StorageMode;
import io.ternmq.store.StoredSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDB;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data written by format versions 1 and 2 (committed under golden/format-v{N} by {@link GoldenDatabase}) still
 * loads.
 */
class GoldenDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void open_formatV1Database_loadsEveryRow() throws Exception {
        copyGolden("golden/format-v1", dataDir); // RocksDB writes on open: never open the committed copy itself

        try (var storage = RocksStorage.open(dataDir, StorageMode.WAL)) {
            assertVersion1Rows(storage);
            assertThat(storage.sessions().all()).singleElement().satisfies(session -> {
                assertThat(session.expiryInterval()).isEqualTo(StoredSession.NEVER);
                assertThat(session.options()).isEmpty();
            });
            assertThat(storage.messages().find(42)).hasValueSatisfying(m -> {
                assertThat(m.properties()).isEqualTo(PublishProperties.EMPTY);
                assertThat(m.expiresAt()).isNull();
            });
            assertThat(storage.wills().all()).singleElement().satisfies(w -> {
                assertThat(w.properties()).isEqualTo(PublishProperties.EMPTY);
            });
        }
    }

    @Test
    void open_formatV1Database_isMarkedCurrentVersion() throws Exception {
        copyGolden("golden/format-v1", dataDir);

        RocksStorage.open(dataDir, StorageMode.WAL).close();

        try (var db = RocksDB.openReadOnly(dataDir.toString())) {
            assertThat(FormatVersion.decode(db.get(FormatVersion.KEY))).isEqualTo(FormatVersion.CURRENT).isEqualTo(2);
        }
    }

    @Test
    void open_formatV2Database_loadsEveryRowWithItsMqtt5Fields() throws Exception {
        copyGolden("golden/format-v2", dataDir);

        try (var storage = RocksStorage.open(dataDir, StorageMode.WAL)) {
            assertVersion1Rows(storage);
            assertThat(storage.sessions().find("golden-v5")).contains(GoldenDatabase.V5_SESSION);
            assertThat(storage.messages().find(43)).hasValueSatisfying(m -> {
                assertThat(m.topic()).isEqualTo("v5/7/x");
                assertThat(m.payload()).isEqualTo(GoldenDatabase.utf8("22.5"));
                assertThat(m.properties()).usingRecursiveComparison().isEqualTo(GoldenDatabase.PROPERTIES);
                assertThat(m.expiresAt()).isEqualTo(GoldenDatabase.EXPIRES_AT);
            });
            assertThat(storage.retained().all()).filteredOn(r -> r.topic().equals("v5/retained")).singleElement()
                    .satisfies(r -> {
                        assertThat(r.properties()).usingRecursiveComparison().isEqualTo(GoldenDatabase.PROPERTIES);
                        assertThat(r.expiresAt()).isEqualTo(GoldenDatabase.EXPIRES_AT);
                    });
            assertThat(storage.wills().all()).filteredOn(w -> w.clientId().equals("golden-v5")).singleElement()
                    .satisfies(w -> {
                        assertThat(w.topic()).isEqualTo("v5/will");
                        assertThat(w.properties()).usingRecursiveComparison()
                                .isEqualTo(GoldenDatabase.WILL_PROPERTIES);
                        assertThat(w.properties().messageExpiryInterval()).isEqualTo(120L);
                        assertThat(w.publishAt()).isEqualTo(GoldenDatabase.WILL_AT);
                    });
        }
    }

    private static void assertVersion1Rows(RocksStorage storage) {
        assertThat(storage.sessions().find("golden-client")).contains(new StoredSession("golden-client",
                Map.of("sensors/+/temp", Qos.AT_LEAST_ONCE, "alerts/#", Qos.EXACTLY_ONCE)));
        assertThat(storage.messages().find(42)).hasValueSatisfying(m -> {
            assertThat(m.topic()).isEqualTo("sensors/7/temp");
            assertThat(m.qos()).isEqualTo(Qos.EXACTLY_ONCE);
            assertThat(m.payload()).isEqualTo(GoldenDatabase.utf8("21.5"));
        });
        List<Object> rows = new ArrayList<>();
        storage.queues().forEach(rows::add);
        storage.inflight().forEach(rows::add);
        storage.inboundPacketIds().forEach(rows::add);
        assertThat(rows).containsExactly(
                new QueuedMessage("golden-client", 3, 42, Qos.AT_LEAST_ONCE, false),
                new InflightEntry("golden-client", 2, 17, 42, Qos.EXACTLY_ONCE, true, InflightStage.PUBLISH_SENT),
                new InboundPacketId("golden-client", 9));
        assertThat(storage.retained().all()).filteredOn(r -> r.topic().equals("status/golden")).singleElement()
                .satisfies(r -> assertThat(r.payload()).isEqualTo(GoldenDatabase.utf8("online")));
        assertThat(storage.wills().all()).filteredOn(w -> w.clientId().equals("golden-client")).singleElement()
                .satisfies(w -> {
                    assertThat(w.publishAt()).isEqualTo(GoldenDatabase.WILL_AT);
                    assertThat(w.payload()).isEqualTo(GoldenDatabase.utf8("offline"));
                });
    }

    @Test
    void messageKey_isBigEndianId_soIterationFollowsIds() {
        assertThat(MessageCodec.key(0x0102030405060708L))
                .containsExactly(0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08);
    }

    static void copyGolden(String resource, Path target) throws IOException, URISyntaxException {
        Path source = Path.of(GoldenDatabaseTest.class.getClassLoader().getResource(resource).toURI());
        try (var files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
        }
    }
}
