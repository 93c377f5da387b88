package io.ternmq.store;

/**
 * How much the storage's writer may fall behind: above {@code highWaterBytes} of changes waiting the storage is
 * backlogged (the broker stops reading from publishers); at or below {@code lowWaterBytes} it is drained again.
 * The gap between the two keeps reading from flapping on and off with every batch.
 */
public record WriteLimits(long highWaterBytes, long lowWaterBytes) {

    /** 64 MiB waiting pauses publishers; they resume at half of it. */
    public static final WriteLimits DEFAULT = of(64L * 1024 * 1024);

    public WriteLimits {
        if (highWaterBytes <= 0 || lowWaterBytes < 0 || lowWaterBytes > highWaterBytes) {
            throw new IllegalArgumentException("need 0 <= low water (" + lowWaterBytes + ") <= high water ("
                    + highWaterBytes + "), high water > 0");
        }
    }

    /** A high-water mark with the low-water mark at half of it. */
    public static WriteLimits of(long highWaterBytes) {
        return new WriteLimits(highWaterBytes, highWaterBytes / 2);
    }
}
