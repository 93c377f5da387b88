package io.ternmq.core;

/**
 * Whether the broker uses topic aliases toward MQTT 5 clients that accept them (their CONNECT Topic Alias Maximum
 * is above 0). Clients that sent none, or 0, never get one [MQTT-3.1.2-27].
 */
public enum OutboundAliasPolicy {
    /** Always the full topic name. */
    NONE,
    /** Aliases for recurring topics, the least recently used one reassigned when all are taken. */
    LRU
}
