package io.ternmq.testkit;

/** The RETAIN flag of a PUBLISH or the Will Retain flag of a CONNECT. */
public enum Retain {
    NO, YES;

    int bit() {
        return this == YES ? 1 : 0;
    }
}
