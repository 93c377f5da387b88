package io.ternmq.store;

/**
 * The data directory cannot be used: unreadable, corrupt, or written by an unknown format version. The message
 * names the file (or the column family and key) at fault and how to start anyway without losing the data.
 */
public final class StorageOpenException extends RuntimeException {

    public StorageOpenException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageOpenException(String message) {
        super(message);
    }
}
