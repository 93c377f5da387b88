package io.ternmq.testkit;

/** The DUP flag of a PUBLISH (bit 3 of the fixed header). */
public enum Dup {
    NO, YES;

    int bit() {
        return this == YES ? 0x08 : 0;
    }
}
