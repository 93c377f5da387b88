package io.ternmq.core;

/**
 * What the broker announces to MQTT 5 clients in CONNACK and enforces for them.
 *
 * @param maximumPacketSize largest packet accepted, in bytes (the transport's limit, announced so that a client
 *                          never sends more [MQTT-3.2.2-15])
 * @param receiveMaximum    QoS 1/2 PUBLISHes a client may have unacknowledged towards the broker
 * @param topicAliasMaximum highest topic alias a client may use towards the broker; 0 allows none
 */
public record Mqtt5Settings(int maximumPacketSize, int receiveMaximum, int topicAliasMaximum) {

    /** The protocol's largest packet: a remaining length of 268,435,455 plus a five-byte fixed header. */
    public static final int PROTOCOL_MAXIMUM_PACKET_SIZE = 268_435_460;

    public static final Mqtt5Settings DEFAULTS = new Mqtt5Settings(PROTOCOL_MAXIMUM_PACKET_SIZE, 65_535, 0);

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
