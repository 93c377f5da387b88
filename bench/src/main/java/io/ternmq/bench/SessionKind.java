package io.ternmq.bench;

/** What the generator's clients ask for in CONNECT: a session that ends with the connection, or one that stays. */
enum SessionKind {
    /** Clean session 1: the broker keeps nothing after the connection. */
    CLEAN,
    /** Clean session 0: subscriptions and QoS 1/2 messages outlive the connection (a broker's durable store). */
    PERSISTENT;

    boolean cleanSession() {
        return this == CLEAN;
    }
}
