package io.ternmq.server;

/**
 * Which threads run the sessions (routing, flow control, queues). Every session is owned by one single-threaded
 * executor either way; this chooses whether those executors are the network's event loops or threads of their own.
 */
public enum SessionThreading {
    /**
     * On the IO event loops (the default): a message whose publisher, sessions and subscriber share a loop is
     * read, routed and written by one thread with no hand-off, as all do on one core. Each connection moves to its
     * session's loop after CONNECT, so on more cores only routing between sessions on different loops crosses
     * threads. On one core it measured 1.1-1.7x the throughput of {@link #OWN_THREADS} and a fixed-rate p99
     * latency level with Mosquitto's (bench/RESULTS.md, fourth and fifth passes).
     */
    IO_THREADS,
    /**
     * On threads of their own, {@code sessions.threads} of them: the IO threads only read and write. Slower on one
     * core (two hand-offs per message), about as fast on two.
     */
    OWN_THREADS
}
