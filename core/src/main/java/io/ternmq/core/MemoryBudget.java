package io.ternmq.core;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The broker-wide side of the memory budget. Model: {@code used} is the sum of every client's held bytes
 * (updated by session and IO threads without locks: a StripedCounter); {@code exhausted} is decided by
 * {@link #sample()}, which a timer runs every {@link #SAMPLE_MILLIS} ms (every {@link #RELAXED_SAMPLE_MILLIS}
 * while usage is low) and a client after every 64 KiB it added (a loaded machine may run the timer late): set
 * above the global limit, cleared below the resume mark. While it is set, publishers are held: a connection that
 * reads a PUBLISH registers in {@code held} and pauses; clearing the flag resumes them all. The hot path reads one
 * volatile flag.
 */
public final class MemoryBudget {

    static final long SAMPLE_MILLIS = 50;
    /**
     * The timer's pace while usage stays below a quarter of the limit: clients that grow sample themselves every
     * 64 KiB, so the timer there only has to catch what many small additions gather. At 20 samples a second an idle
     * broker's sampler was its busiest thread (12-27 ms of CPU per 10 s in 200 wake-ups, bench/RESULTS.md).
     */
    static final long RELAXED_SAMPLE_MILLIS = 500;

    private final MemoryLimits limits;
    private final StripedCounter used = new StripedCounter();
    private final StripedCounter publisherPauses = new StripedCounter();
    private final Queue<InboundBackPressure> held = new ConcurrentLinkedQueue<>();
    private volatile boolean exhausted;

    MemoryBudget(MemoryLimits limits) {
        this.limits = limits;
    }

    MemoryLimits limits() {
        return limits;
    }

    void add(long bytes) {
        used.add(bytes);
    }

    boolean exhausted() {
        return exhausted;
    }

    /** On the IO thread of a connection that read a PUBLISH while the budget is exhausted: stop reading it. */
    void hold(InboundBackPressure publisher) {
        if (!publisher.holdForMemory()) {
            return;
        }
        publisherPauses.increment();
        held.add(publisher);
        if (!exhausted) {
            release(); // the flag cleared between our check and the registration: nobody else will resume it
        }
    }

    /** Compares the held bytes with the limits; on leaving exhaustion resumes every held publisher. */
    synchronized void sample() {
        long bytes = used.sum();
        if (!exhausted && bytes > limits.globalBytes()) {
            exhausted = true;
        } else if (exhausted && bytes < limits.resumeBytes()) {
            exhausted = false;
            release();
        }
    }

    /**
     * How long the timer may wait for the next sample: {@link #SAMPLE_MILLIS} while exhausted (held publishers wait
     * for the sample that finds usage below the resume mark) or from a quarter of the limit up, else
     * {@link #RELAXED_SAMPLE_MILLIS}.
     */
    long nextSampleMillis() {
        return exhausted || used.sum() >= limits.globalBytes() / 4 ? SAMPLE_MILLIS : RELAXED_SAMPLE_MILLIS;
    }

    private void release() {
        InboundBackPressure publisher;
        while ((publisher = held.poll()) != null) {
            publisher.releaseMemory();
        }
    }

    /** Bytes held for all clients now (approximate while they change). */
    public long usedBytes() {
        return used.sum();
    }

    public long limitBytes() {
        return limits.globalBytes();
    }

    /** How many more bytes fit before publishers are paused; negative while over the limit. */
    public long headroomBytes() {
        return limits.globalBytes() - used.sum();
    }

    public long clientLimitBytes() {
        return limits.clientBytes();
    }

    /** Whether publishers are being held because the global limit was exceeded. */
    public boolean isExhausted() {
        return exhausted;
    }

    /** Times a publisher's reading was paused because the global limit was exceeded. */
    public long publisherPauses() {
        return publisherPauses.sum();
    }
}
