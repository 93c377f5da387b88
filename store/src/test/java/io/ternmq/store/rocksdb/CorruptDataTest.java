package io.ternmq.store.rocksdb;

import io.ternmq.store.StorageMode;
import io.ternmq.store.StorageOpenException;
import io.ternmq.store.StoredMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Unusable data stops the opening with a message naming the file; nothing is discarded. */
class CorruptDataTest {

    @TempDir
    Path root;

    @Test
    void open_directoryWithoutRocksDbFiles_namesMissingCurrentFile() throws Exception {
        Path dataDir = Files.createDirectories(root.resolve("data"));
        Files.writeString(dataDir.resolve("notes.txt"), "not a database");

        assertThatThrownBy(() -> RocksStorage.open(dataDir, StorageMode.WAL))
                .isInstanceOf(StorageOpenException.class)
                .hasMessageContaining(dataDir.resolve("CURRENT").toString())
                .hasMessageContaining("--recover-move-aside");
        assertThat(dataDir.resolve("notes.txt")).hasContent("not a database");
    }

    @Test
    void open_garbledCurrentFile_namesTheDirectoryAndFile() throws Exception {
        Path dataDir = root.resolve("data");
        RocksStorage.open(dataDir, StorageMode.WAL).close();
        Files.writeString(dataDir.resolve("CURRENT"), "MANIFEST-999999\n");

        assertThatThrownBy(() -> RocksStorage.open(dataDir, StorageMode.WAL))
                .isInstanceOf(StorageOpenException.class)
                .hasMessageContaining(dataDir.toString());
    }

    @Test
    void open_otherFormatVersion_isRefused() throws Exception {
        Path dataDir = root.resolve("data");
        RocksStorage.open(dataDir, StorageMode.WAL).close();
        withRawDatabase(dataDir, (db, handles) -> db.put(FormatVersion.KEY, FormatVersion.encode(99)));

        assertThatThrownBy(() -> RocksStorage.open(dataDir, StorageMode.WAL))
                .isInstanceOf(StorageOpenException.class)
                .hasMessageContaining("format version 99");
    }

    @Test
    void forEach_undecodableRow_namesColumnFamilyAndKey() throws Exception {
        Path dataDir = root.resolve("data");
        RocksStorage.open(dataDir, StorageMode.WAL).close();
        withRawDatabase(dataDir, (db, handles) ->
                db.put(handles.get(Family.MESSAGES.ordinal() + 1), MessageCodec.key(1), new byte[]{9}));

        try (var storage = RocksStorage.open(dataDir, StorageMode.WAL)) {
            List<StoredMessage> sink = new ArrayList<>();
            assertThatThrownBy(() -> storage.messages().forEach(sink::add))
                    .isInstanceOf(StorageOpenException.class)
                    .hasMessageContaining("column family messages")
                    .hasMessageContaining(dataDir.toString());
        }
    }

    @Test
    void moveAside_corruptDirectory_isRenamedWithTimestampAndKept() throws Exception {
        Path dataDir = Files.createDirectories(root.resolve("data"));
        Files.writeString(dataDir.resolve("notes.txt"), "evidence");

        Path aside = DataDirectories.moveAside(dataDir, Instant.parse("2026-11-25T10:15:30Z"));

        assertThat(aside.getFileName().toString()).isEqualTo("data.corrupt-20261125T101530Z");
        assertThat(aside.resolve("notes.txt")).hasContent("evidence");
        assertThat(dataDir).doesNotExist();
    }

    private interface RawAccess {
        void accept(RocksDB db, List<ColumnFamilyHandle> handles) throws Exception;
    }

    private static void withRawDatabase(Path dataDir, RawAccess access) throws Exception {
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY));
        for (Family family : Family.values()) {
            descriptors.add(new ColumnFamilyDescriptor(family.familyName().getBytes(StandardCharsets.UTF_8)));
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (var db = RocksDB.open(new org.rocksdb.DBOptions(), dataDir.toString(), descriptors, handles)) {
            access.accept(db, handles);
            handles.forEach(ColumnFamilyHandle::close);
        }
    }
}
