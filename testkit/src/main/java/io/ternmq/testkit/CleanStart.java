package io.ternmq.testkit;

/** The Clean Start flag of an MQTT 5.0 CONNECT (bit 1 of the connect flags). */
public enum CleanStart {
    /** Clean Start = 0: resume an existing session if there is one. */
    NO,
    /** Clean Start = 1: discard any existing session. */
    YES;

    int bit() {
        return this == YES ? 0x02 : 0;
    }
}
