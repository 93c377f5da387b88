package io.ternmq.protocol;

/** The MQTT 5 payload format indicator (3.3.2.3.2): unspecified bytes (0) or UTF-8 character data (1). */
public enum PayloadFormat {
    UNSPECIFIED_BYTES, UTF8;

    public int value() {
        return ordinal();
    }
}
