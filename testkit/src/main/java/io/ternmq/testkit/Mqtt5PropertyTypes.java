package io.ternmq.testkit;

/** The value type of each MQTT 5.0 property identifier (table 2-4 of section 2.2.2.2). */
enum Mqtt5PropertyTypes {
    BYTE, TWO_BYTE, FOUR_BYTE, VAR_INT, STRING, BINARY, STRING_PAIR;

    static Mqtt5PropertyTypes of(int id) {
        return switch (id) {
            case 0x01, 0x17, 0x19, 0x24, 0x25, 0x28, 0x29, 0x2A -> BYTE;
            case 0x13, 0x21, 0x22, 0x23 -> TWO_BYTE;
            case 0x02, 0x11, 0x18, 0x27 -> FOUR_BYTE;
            case 0x0B -> VAR_INT;
            case 0x03, 0x08, 0x12, 0x15, 0x1A, 0x1C, 0x1F -> STRING;
            case 0x09, 0x16 -> BINARY;
            case 0x26 -> STRING_PAIR;
            default -> throw new AssertionError("unknown property identifier 0x" + Integer.toHexString(id));
        };
    }

    /** Reads the value bytes of one property (identifier already consumed), prefixes included. */
    byte[] read(WireReader reader) {
        return switch (this) {
            case BYTE -> reader.bytes(1);
            case TWO_BYTE -> reader.bytes(2);
            case FOUR_BYTE -> reader.bytes(4);
            case VAR_INT -> {
                int start = reader.position();
                reader.varInt();
                yield reader.copyFrom(start);
            }
            case STRING, BINARY -> Packets.lengthPrefixed(reader.binary());
            case STRING_PAIR -> Hex.concat(Packets.lengthPrefixed(reader.binary()),
                    Packets.lengthPrefixed(reader.binary()));
        };
    }
}
