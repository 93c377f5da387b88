package io.ternmq.server;

/**
 * Which threads run the sessions (routing, flow control, queues). Every session is owned by one single-threaded
 * executor either way; this chooses whether those executors are the network's event loops or threads of their own.
 */
public enum SessionThreading {
    /**
     * On the IO event loops (opt-in): a message whose publisher, sessions and subscriber share a loop is read,
     * routed and written by one thread with no hand-off, as all do on one core; measured 1.08x QoS 1 and 1.29x
     * QoS 2 throughput on one core (bench/RESULTS.md). Not the default yet: it is new, and the default keeps
     * the layout with the longer record until it has run in more places.
     */
    IO_THREADS,
    /** On threads of their own, {@code sessions.threads} of them (the default): the IO threads only read and write. */
    OWN_THREADS
}
