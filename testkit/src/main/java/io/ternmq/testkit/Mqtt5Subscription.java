package io.ternmq.testkit;

/**
 * One topic filter of an MQTT 5.0 SUBSCRIBE with its Subscription Options byte (section 3.8.3.1): bits 0-1 maximum
 * QoS, bit 2 No Local, bit 3 Retain As Published, bits 4-5 Retain Handling, bits 6-7 reserved. The byte is an int so
 * tests can set reserved bits or invalid values with {@link #options(int)}.
 */
public record Mqtt5Subscription(String filter, int options) {

    public static Mqtt5Subscription of(String filter, int qos) {
        return new Mqtt5Subscription(filter, qos & 0x03);
    }

    public Mqtt5Subscription noLocal() {
        return new Mqtt5Subscription(filter, options | 0x04);
    }

    public Mqtt5Subscription retainAsPublished() {
        return new Mqtt5Subscription(filter, options | 0x08);
    }

    /** 0 = send retained messages on subscribe, 1 = only for a new subscription, 2 = never. */
    public Mqtt5Subscription retainHandling(int value) {
        return new Mqtt5Subscription(filter, options & ~0x30 | (value & 0x03) << 4);
    }

    /** Exactly this options byte. */
    public Mqtt5Subscription options(int value) {
        return new Mqtt5Subscription(filter, value);
    }
}
