package io.ternmq.testkit;

/** The CleanSession flag of a CONNECT (bit 1 of the connect flags). */
public enum CleanSession {
    /** CleanSession = 0: resume or create a persistent session. */
    NO,
    /** CleanSession = 1: a fresh session that lasts as long as the connection. */
    YES;

    int bit() {
        return this == YES ? 0x02 : 0;
    }
}
