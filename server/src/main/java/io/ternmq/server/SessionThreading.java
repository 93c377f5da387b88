package io.ternmq.server;

/**
 * Which threads run the sessions (routing, flow control, queues). Every session is owned by one single-threaded
 * executor either way; this chooses whether those executors are the network's event loops or threads of their own.
 */
public enum SessionThreading {
    /**
     * On the IO event loops (the default): a message whose publisher, sessions and subscriber share a loop is read,
     * routed and written by one thread with no hand-off, as all do on one core; measured faster and lower in
     * latency than own threads (bench/RESULTS.md).
     */
    IO_THREADS,
    /** On threads of their own, {@code sessions.threads} of them: the IO threads then only read and write. */
    OWN_THREADS
}
