package io.ternmq.protocol;

/** The Last Will carried by a CONNECT: published by the broker when the client vanishes without DISCONNECT. */
public record Will(String topic, byte[] payload, Qos qos, boolean retain) {
}
