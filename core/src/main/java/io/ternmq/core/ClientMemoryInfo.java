package io.ternmq.core;

/**
 * A client's memory budget as operators see it.
 *
 * @param usedBytes               bytes held for the client now (queued, in flight, QoS 0 waiting for its channel)
 * @param limitBytes              its budget
 * @param policy                  what happens when the budget is exceeded
 * @param congested               whether its connection's outbound buffer is above the high water mark
 * @param heldQos0                QoS 0 messages waiting for the connection to drain
 * @param slowConsumerDrops       messages its policy dropped
 * @param slowConsumerDisconnects connections its policy closed
 */
public record ClientMemoryInfo(long usedBytes, long limitBytes, SlowConsumerPolicy policy, boolean congested,
                               int heldQos0, long slowConsumerDrops, long slowConsumerDisconnects) {

    /** For a session that holds nothing (e.g. snapshots built by hand in tests). */
    public static ClientMemoryInfo empty(long limitBytes) {
        return new ClientMemoryInfo(0, limitBytes, SlowConsumerPolicy.DROP_OLDEST, false, 0, 0, 0);
    }
}
