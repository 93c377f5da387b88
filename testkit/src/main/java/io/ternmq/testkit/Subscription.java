package io.ternmq.testkit;

/** One topic filter and requested QoS of a SUBSCRIBE payload; the QoS is an int so tests can send invalid ones. */
public record Subscription(String filter, int qos) {
}
