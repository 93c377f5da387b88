package io.ternmq.protocol;

/**
 * The Last Will carried by a CONNECT: published by the broker when the client vanishes without DISCONNECT.
 * {@code properties} is empty before MQTT 5.
 */
public record Will(String topic, byte[] payload, Qos qos, boolean retain, WillProperties properties) {

    /** A will without MQTT 5 properties. */
    public Will(String topic, byte[] payload, Qos qos, boolean retain) {
        this(topic, payload, qos, retain, WillProperties.EMPTY);
    }
}
