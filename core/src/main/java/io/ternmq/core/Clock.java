package io.ternmq.core;

/** Time as the broker sees it; tests substitute a fake so that time-based rules run without sleeping. */
public interface Clock {

    Clock SYSTEM = new Clock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long currentTimeMillis() {
            return System.currentTimeMillis();
        }
    };

    /** Monotonic time for intervals. */
    long nanoTime();

    /** Wall-clock time for timestamps. */
    long currentTimeMillis();
}
