package io.ternmq.core;

/** Whether the broker keeps retained messages (MQTT 5 CONNACK Retain Available, 3.2.2.3.5). */
public enum RetainSupport {
    /** Retained messages are kept and sent to new subscribers: the default, and all 3.1.1 knows. */
    AVAILABLE,
    /** No retained messages: a PUBLISH or will with RETAIN=1 is refused. */
    UNAVAILABLE
}
