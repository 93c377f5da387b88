package io.ternmq.core;

/**
 * Limits and sizing of the broker core.
 *
 * @param sessionThreads      number of single-threaded executors that own sessions
 * @param maxInflightMessages QoS 1/2 messages sent to one client and not yet acknowledged; more wait in its queue
 * @param maxQueuedMessages   QoS 1/2 messages held per session while its client is offline or its window is full;
 *                            further messages are dropped and counted
 * @param topicLimits         longest topic, most levels, most subscriptions per client
 * @param mqtt5               what MQTT 5 clients are told in CONNACK and held to
 * @param memory              the memory budget and the slow-consumer policies
 */
public record CoreConfig(int sessionThreads, int maxInflightMessages, int maxQueuedMessages,
                         TopicLimits topicLimits, Mqtt5Settings mqtt5, MemoryLimits memory) {

    /**
     * Twice a publisher's usual window (32): with equal windows a subscriber's backlog, once formed, never drains
     * (bench/RESULTS.md, "Eleventh pass").
     */
    public static final int DEFAULT_MAX_INFLIGHT_MESSAGES = 64;
    public static final int DEFAULT_MAX_QUEUED_MESSAGES = 10_000;

    /** With the MQTT 5 defaults and the default memory budget. */
    public CoreConfig(int sessionThreads, int maxInflightMessages, int maxQueuedMessages, TopicLimits topicLimits) {
        this(sessionThreads, maxInflightMessages, maxQueuedMessages, topicLimits, Mqtt5Settings.DEFAULTS);
    }

    /** With the default memory budget. */
    public CoreConfig(int sessionThreads, int maxInflightMessages, int maxQueuedMessages, TopicLimits topicLimits,
                      Mqtt5Settings mqtt5) {
        this(sessionThreads, maxInflightMessages, maxQueuedMessages, topicLimits, mqtt5, MemoryLimits.defaults());
    }

    /** With the MQTT 5 defaults. */
    public CoreConfig(int sessionThreads, int maxInflightMessages, int maxQueuedMessages, TopicLimits topicLimits,
                      MemoryLimits memory) {
        this(sessionThreads, maxInflightMessages, maxQueuedMessages, topicLimits, Mqtt5Settings.DEFAULTS, memory);
    }

    /** With no topic limits beyond the protocol's. */
    public CoreConfig(int sessionThreads, int maxInflightMessages, int maxQueuedMessages) {
        this(sessionThreads, maxInflightMessages, maxQueuedMessages, TopicLimits.PROTOCOL);
    }

    public CoreConfig {
        if (sessionThreads < 1) {
            throw new IllegalArgumentException("sessionThreads must be at least 1, was " + sessionThreads);
        }
        if (maxInflightMessages < 1 || maxInflightMessages > 65_535) {
            throw new IllegalArgumentException("maxInflightMessages must be 1..65535, was " + maxInflightMessages);
        }
        if (maxQueuedMessages < 0) {
            throw new IllegalArgumentException("maxQueuedMessages must not be negative, was " + maxQueuedMessages);
        }
    }

    public static CoreConfig defaults() {
        return new CoreConfig(Runtime.getRuntime().availableProcessors(), DEFAULT_MAX_INFLIGHT_MESSAGES,
                DEFAULT_MAX_QUEUED_MESSAGES);
    }
}
