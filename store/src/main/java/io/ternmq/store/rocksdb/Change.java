package io.ternmq.store.rocksdb;

import org.rocksdb.ColumnFamilyHandle;

/** One submitted change for the writer: a row put or deleted, a range deleted, or an acknowledgement fence. */
sealed interface Change {

    record Put(ColumnFamilyHandle family, byte[] key, byte[] value) implements Change {
    }

    record Delete(ColumnFamilyHandle family, byte[] key) implements Change {
    }

    record DeleteRange(ColumnFamilyHandle family, byte[] from, byte[] to) implements Change {
    }

    record Fence(Runnable callback) implements Change {
    }

    /** Ends the writer after everything submitted before it is written. */
    record Stop() implements Change {
    }
}
