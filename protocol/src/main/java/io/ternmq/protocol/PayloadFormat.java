package io.ternmq.protocol;

/** The MQTT 5 payload format indicator (3.3.2.3.2): unspecified bytes (0) or UTF-8 character data (1). */
public enum PayloadFormat {
    UNSPECIFIED_BYTES, UTF8;

    private static final PayloadFormat[] VALUES = values();

    public int value() {
        return ordinal();
    }

    /** The indicator for 0 or 1; any other value is a protocol error (3.3.2.3.2). */
    public static PayloadFormat fromValue(int value) {
        if (value < 0 || value > 1) {
            throw new MalformedPacketException(ReasonCode.PROTOCOL_ERROR, "payload format indicator " + value);
        }
        return VALUES[value];
    }
}
