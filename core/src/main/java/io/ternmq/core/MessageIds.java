package io.ternmq.core;

import java.util.concurrent.atomic.AtomicLong;

/** Ids of message-table rows: unique and growing for the life of the data directory (recovery starts past the last). */
final class MessageIds {

    private final AtomicLong next;

    MessageIds(long first) {
        next = new AtomicLong(first);
    }

    long next() {
        return next.getAndIncrement();
    }
}
