package io.ternmq.core;

/** How well a shared subscription's member can take a message right now; earlier constants are preferred. */
enum MemberReadiness {
    /** Connected, with room in its in-flight window: the message goes out at once. */
    READY,
    /** Connected, window full: the message waits in its queue. */
    BUSY,
    /** A persistent session without a connection: the message waits until it comes back. */
    OFFLINE
}
