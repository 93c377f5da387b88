package io.ternmq.store;

/**
 * All durable state of one broker node, one view per role. Changes from every view and thread are applied in the
 * order they were submitted; submitting never blocks. {@link #afterWrites} is the acknowledgement fence: its
 * callback runs once every change submitted before it is as durable as the {@link #mode()} promises.
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
     * Runs {@code callback} after every earlier change is written. It may run on the writer thread (or inline), so
     * it must only hand work off, never block.
     */
    void afterWrites(Runnable callback);

    /** Writes what was submitted, then releases the storage. */
    @Override
    void close();
}
