package io.ternmq.protocol;

/** One topic filter of a SUBSCRIBE with the maximum QoS the client asks for. */
public record TopicSubscription(String topicFilter, Qos qos) {
}
