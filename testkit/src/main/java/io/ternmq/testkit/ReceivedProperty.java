package io.ternmq.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One MQTT 5.0 property as read off the wire: its identifier and its value bytes (a string or binary value keeps
 * its two-byte length prefix, so {@link #value()} is exactly what followed the identifier).
 */
public record ReceivedProperty(int id, byte[] value) {

    /** The value of a byte, two-byte, four-byte or variable-byte-integer property. */
    public long number() {
        return switch (Mqtt5PropertyTypes.of(id)) {
            case BYTE, TWO_BYTE, FOUR_BYTE -> {
                long n = 0;
                for (byte b : value) {
                    n = n << 8 | b & 0xFF;
                }
                yield n;
            }
            case VAR_INT -> new WireReader(value).varInt();
            default -> throw new AssertionError("property 0x" + Integer.toHexString(id) + " is not a number");
        };
    }

    /** The text of a UTF-8 string property. */
    public String text() {
        return new String(binary(), StandardCharsets.UTF_8);
    }

    /** The data of a binary or string property, without its length prefix. */
    public byte[] binary() {
        return Arrays.copyOfRange(value, 2, value.length);
    }

    /** The name and value of a User Property. */
    public UserPair pair() {
        WireReader reader = new WireReader(value);
        return new UserPair(reader.string(), reader.string());
    }

    /** A User Property's name and value. */
    public record UserPair(String name, String value) {
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReceivedProperty p && p.id == id && Arrays.equals(p.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * id + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return String.format("0x%02x=%s", id, Hex.format(value));
    }
}
