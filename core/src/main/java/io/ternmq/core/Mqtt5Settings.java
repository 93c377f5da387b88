package io.ternmq.core;

/**
 * What the broker announces to MQTT 5 clients in CONNACK and enforces for them.
 *
 * @param maximumPacketSize    largest packet accepted, in bytes (the transport's limit, announced so that a client
 *                             never sends more [MQTT-3.2.2-15])
 * @param receiveMaximum       QoS 1/2 PUBLISHes a client may have unacknowledged towards the broker
 * @param topicAliasMaximum    highest topic alias a client may use towards the broker; 0 allows none
 * @param outboundTopicAliases whether the broker uses topic aliases towards clients that accept them
 * @param connectPolicy        keep-alive maximum, Response Information and redirection
 */
public record Mqtt5Settings(int maximumPacketSize, int receiveMaximum, int topicAliasMaximum,
                            OutboundAliasPolicy outboundTopicAliases, Mqtt5ConnectPolicy connectPolicy) {

    /** The protocol's largest packet: a remaining length of 268,435,455 plus a five-byte fixed header. */
    public static final int PROTOCOL_MAXIMUM_PACKET_SIZE = 268_435_460;

    /**
     * Receive Maximum 65535, the protocol's default (absent from CONNACK): a publisher's window is its own
     * business, since what the broker holds for unacknowledged PUBLISHes is bounded by the inbound back-pressure
     * and the storage writer's limit anyway, and a small window would only cap each publisher's throughput at
     * window / acknowledgement latency. Topic Alias Maximum 10: a device publishes to a handful of topics, and the
     * table costs a reference per alias. Outbound aliases LRU: only clients that asked for aliases (a Topic Alias
     * Maximum in CONNECT, absent by default) get them, and only for topics they receive repeatedly.
     */
    public static final Mqtt5Settings DEFAULTS = new Mqtt5Settings(PROTOCOL_MAXIMUM_PACKET_SIZE, 65_535, 10,
            OutboundAliasPolicy.LRU, Mqtt5ConnectPolicy.DEFAULTS);

    /** With the default outbound topic alias policy and CONNECT policy. */
    public Mqtt5Settings(int maximumPacketSize, int receiveMaximum, int topicAliasMaximum) {
        this(maximumPacketSize, receiveMaximum, topicAliasMaximum, Mqtt5ConnectPolicy.DEFAULTS);
    }

    /** With the default outbound topic alias policy. */
    public Mqtt5Settings(int maximumPacketSize, int receiveMaximum, int topicAliasMaximum,
                         Mqtt5ConnectPolicy connectPolicy) {
        this(maximumPacketSize, receiveMaximum, topicAliasMaximum, OutboundAliasPolicy.LRU, connectPolicy);
    }

    public Mqtt5Settings {
        if (maximumPacketSize < 2) {
            throw new IllegalArgumentException("maximumPacketSize must be at least 2, was " + maximumPacketSize);
        }
        if (receiveMaximum < 1 || receiveMaximum > 65_535) {
            throw new IllegalArgumentException("receiveMaximum must be 1..65535, was " + receiveMaximum);
        }
        if (topicAliasMaximum < 0 || topicAliasMaximum > 65_535) {
            throw new IllegalArgumentException("topicAliasMaximum must be 0..65535, was " + topicAliasMaximum);
        }
    }
}
