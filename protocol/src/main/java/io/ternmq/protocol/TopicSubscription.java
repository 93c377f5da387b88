package io.ternmq.protocol;

/**
 * One topic filter of a SUBSCRIBE with the maximum QoS the client asks for and, in MQTT 5, the other
 * subscription options (3.8.3.1); before 5 those are false, false and {@link RetainHandling#SEND_ON_SUBSCRIBE}.
 */
public record TopicSubscription(String topicFilter, Qos qos, boolean noLocal, boolean retainAsPublished,
                                RetainHandling retainHandling) {

    public TopicSubscription(String topicFilter, Qos qos) {
        this(topicFilter, qos, false, false, RetainHandling.SEND_ON_SUBSCRIBE);
    }
}
