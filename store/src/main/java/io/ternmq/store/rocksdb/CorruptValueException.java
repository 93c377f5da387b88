package io.ternmq.store.rocksdb;

/** A stored key or value does not decode; the storage turns it into a message naming the column family and key. */
final class CorruptValueException extends RuntimeException {

    CorruptValueException(String message) {
        super(message);
    }
}
