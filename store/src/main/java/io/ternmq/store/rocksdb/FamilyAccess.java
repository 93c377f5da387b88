package io.ternmq.store.rocksdb;

import io.ternmq.store.StorageOpenException;
import org.jspecify.annotations.Nullable;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HexFormat;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One column family as the role stores use it: writes go through the shared writer (in submission order), reads
 * go to the database. A row that does not decode stops with a message naming the directory, family and key.
 */
final class FamilyAccess {

    private static final byte[] NO_VALUE = new byte[0];

    private final RocksDB db;
    private final ColumnFamilyHandle handle;
    private final GroupCommitWriter writer;
    private final Family family;
    private final Path dataDir;

    FamilyAccess(RocksDB db, ColumnFamilyHandle handle, GroupCommitWriter writer, Family family, Path dataDir) {
        this.db = db;
        this.handle = handle;
        this.writer = writer;
        this.family = family;
        this.dataDir = dataDir;
    }

    void put(byte[] key, byte[] value) {
        writer.submit(new Change.Put(handle, key, value));
    }

    void delete(byte[] key) {
        writer.submit(new Change.Delete(handle, key));
    }

    /** Puts the row here and deletes {@code otherKey} from {@code other} in one atomic write. */
    void putDeleting(byte[] key, byte[] value, FamilyAccess other, byte[] otherKey) {
        writer.submit(new Change.Atomic(List.of(new Change.Put(handle, key, value),
                new Change.Delete(other.handle, otherKey))));
    }

    void deleteRange(byte[] from, byte[] to) {
        writer.submit(new Change.DeleteRange(handle, from, to));
    }

    <T> @Nullable T get(byte[] key, BiFunction<byte[], byte[], T> decoder) {
        try {
            byte[] value = db.get(handle, key);
            return value == null ? null : decode(key, value, decoder);
        } catch (RocksDBException e) {
            throw new StorageOpenException("cannot read column family " + family.familyName() + " in " + dataDir
                    + ": " + e.getMessage(), e);
        }
    }

    /** Streams the family in key order: one row decoded at a time, so memory stays bounded by the caller. */
    <T> void forEach(BiFunction<byte[], byte[], T> decoder, Consumer<T> sink) {
        try (RocksIterator it = db.newIterator(handle)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                sink.accept(decode(it.key(), it.value(), decoder));
            }
            it.status();
        } catch (RocksDBException e) {
            throw new StorageOpenException("cannot read column family " + family.familyName() + " in " + dataDir
                    + ": " + e.getMessage(), e);
        }
    }

    /** Streams the family's keys in order without copying the values out of RocksDB. */
    <T> void forEachKey(Function<byte[], T> decoder, Consumer<T> sink) {
        try (RocksIterator it = db.newIterator(handle)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                sink.accept(decode(it.key(), NO_VALUE, (key, value) -> decoder.apply(key)));
            }
            it.status();
        } catch (RocksDBException e) {
            throw new StorageOpenException("cannot read column family " + family.familyName() + " in " + dataDir
                    + ": " + e.getMessage(), e);
        }
    }

    /** Up to {@code limit} rows with keys in [{@code from}, {@code to}), in key order. */
    <T> List<T> range(byte[] from, byte[] to, int limit, BiFunction<byte[], byte[], T> decoder) {
        List<T> rows = new ArrayList<>(Math.min(limit, 256));
        try (RocksIterator it = db.newIterator(handle)) {
            for (it.seek(from); it.isValid() && rows.size() < limit; it.next()) {
                byte[] key = it.key();
                if (Arrays.compareUnsigned(key, to) >= 0) {
                    break;
                }
                rows.add(decode(key, it.value(), decoder));
            }
            it.status();
        } catch (RocksDBException e) {
            throw new StorageOpenException("cannot read column family " + family.familyName() + " in " + dataDir
                    + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private <T> T decode(byte[] key, byte[] value, BiFunction<byte[], byte[], T> decoder) {
        try {
            return decoder.apply(key, value);
        } catch (CorruptValueException | IllegalArgumentException e) {
            throw new StorageOpenException("corrupt row in " + dataDir + " (column family " + family.familyName()
                    + ", key " + HexFormat.of().formatHex(key) + "): " + e.getMessage()
                    + "; start with --recover-move-aside to move the directory aside and start empty", e);
        }
    }
}
