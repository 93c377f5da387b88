package io.ternmq.protocol;

/** Quality of service of a PUBLISH or a subscription. */
public enum Qos {
    AT_MOST_ONCE, AT_LEAST_ONCE, EXACTLY_ONCE;

    private static final Qos[] VALUES = values();

    public int value() {
        return ordinal();
    }

    /** Returns the QoS for 0, 1 or 2; any other value is malformed (QoS 3 is reserved [MQTT-3.3.1-4]). */
    public static Qos fromValue(int value) {
        if (value < 0 || value > 2) {
            throw new MalformedPacketException(ReasonCode.MALFORMED_PACKET, "invalid QoS " + value);
        }
        return VALUES[value];
    }

    public static Qos min(Qos a, Qos b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    public static Qos max(Qos a, Qos b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
