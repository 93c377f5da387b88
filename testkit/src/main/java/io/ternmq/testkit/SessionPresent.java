package io.ternmq.testkit;

/** The Session Present flag of a CONNACK. */
public enum SessionPresent {
    NO, YES;

    int bit() {
        return this == YES ? 1 : 0;
    }
}
