package io.ternmq.store.rocksdb;

import org.rocksdb.ColumnFamilyHandle;

import java.util.List;

/**
 * One submitted change for the writer: a row put or deleted, a range deleted, several of those that must never be
 * separated by a crash, or an acknowledgement fence.
 */
sealed interface Change {

    record Put(ColumnFamilyHandle family, byte[] key, byte[] value) implements Change {
    }

    record Delete(ColumnFamilyHandle family, byte[] key) implements Change {
    }

    record DeleteRange(ColumnFamilyHandle family, byte[] from, byte[] to) implements Change {
    }

    /** Row changes written in the same batch, so that a crash keeps all of them or none. */
    record Atomic(List<Change> parts) implements Change {
    }

    record Fence(Runnable callback) implements Change {
    }

    /** Ends the writer after everything submitted before it is written. */
    record Stop() implements Change {
    }
}
