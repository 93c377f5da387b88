package io.ternmq.store;

/**
 * All durable state of one broker node, one view per role. Changes from every view and thread are applied in the
 * order they were submitted; submitting never blocks. {@link #afterWrites} is the acknowledgement fence: its
 * callback runs once every change submitted before it is as durable as the {@link #mode()} promises.
 * <p>
 * A crash keeps a prefix of the submitted changes, and it may end between any two calls: every call is one
 * change, kept whole or not at all. So the caller orders its calls such that every prefix is a state recovery
 * accepts without losing an acknowledged message, and what must survive together is one call
 * ({@link #moveToInflight}).
 */
public interface Storage extends AutoCloseable {

    StorageMode mode();

    SessionStore sessions();

    MessageStore messages();

    QueueStore queues();

    InflightStore inflight();

    InboundPacketIdStore inboundPacketIds();

    RetainedMessageStore retained();

    WillStore wills();

    /**
     * A queued message was sent: records its in-flight entry and removes its queue entry (same client id and
     * sequence) so that no crash separates the two and loses the message. Durable storage makes it one atomic
     * write; a storage that loses everything in a crash anyway may apply the two one after the other.
     */
    default void moveToInflight(InflightEntry entry) {
        inflight().put(entry);
        queues().remove(entry.clientId(), entry.sequence());
    }

    /**
     * Runs {@code callback} after every earlier change is written. It may run on the writer thread (or inline), so
     * it must only hand work off, never block.
     */
    void afterWrites(Runnable callback);

    /**
     * Whether the changes waiting for the writer exceed the high-water mark: publishers should stop sending until
     * {@link #whenDrained} calls back. Submitting still never blocks and nothing is dropped; this only lets the
     * broker stop reading rather than buffer without bound.
     */
    default boolean isBacklogged() {
        return false;
    }

    /**
     * Runs {@code callback} once the waiting changes are at or below the low-water mark: inline if they are now,
     * else later on the writer thread, so it must only hand work off.
     */
    default void whenDrained(Runnable callback) {
        callback.run();
    }

    /** Counters of the writer, for metrics. */
    default StorageStats stats() {
        return StorageStats.NONE;
    }

    /** Writes what was submitted, then releases the storage. */
    @Override
    void close();
}
