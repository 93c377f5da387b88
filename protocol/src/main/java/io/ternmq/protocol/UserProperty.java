package io.ternmq.protocol;

/** One MQTT 5 user property: a UTF-8 string pair. A packet may carry many, with repeated names; order matters. */
public record UserProperty(String name, String value) {
}
