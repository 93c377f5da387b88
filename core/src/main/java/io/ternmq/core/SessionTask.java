package io.ternmq.core;

/**
 * Work for a session thread that is handed its argument when it runs. A route hands a thread one of these and the
 * message, which {@link TaskChunks} keeps as a pair, where a capturing lambda was one more object per message and
 * target thread, allocated on the publisher's thread and read on the subscriber's.
 */
@FunctionalInterface
interface SessionTask {

    /** Runs a plain {@link Runnable} handed as the argument. */
    SessionTask RUNNABLE = runnable -> ((Runnable) runnable).run();

    void run(Object argument);
}
