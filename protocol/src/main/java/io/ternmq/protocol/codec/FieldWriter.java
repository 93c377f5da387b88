package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/** Writes and measures the field encodings of 1.5: two-byte integers, UTF-8 strings and binary data. */
final class FieldWriter {

    private static final int MAX_BINARY_LENGTH = 65_535;

    private FieldWriter() {
    }

    /** The encoded size of a string field, length prefix included. */
    static int stringSize(String s, String field) {
        return 2 + Utf8.encodedLength(s, field);
    }

    /** Writes a string already measured by {@link #stringSize}. */
    static void writeString(ByteBuf out, String s) {
        int length = ByteBufUtil.utf8Bytes(s);
        out.writeShort(length);
        // Reserving exactly the UTF-8 length keeps exactly sized buffers from growing (writeUtf8 reserves 3x).
        ByteBufUtil.reserveAndWriteUtf8(out, s, length);
    }

    static int binarySize(byte[] bytes, String field) {
        if (bytes.length > MAX_BINARY_LENGTH) {
            throw new IllegalArgumentException(field + " is " + bytes.length + " bytes, more than 65535");
        }
        return 2 + bytes.length;
    }

    static void writeBinary(ByteBuf out, byte[] bytes) {
        out.writeShort(bytes.length);
        out.writeBytes(bytes);
    }

    /** Checks a value that goes into a two-byte field (packet identifier, keep alive). */
    static int requireUnsignedShort(int value, String field) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(field + " " + value + " does not fit in two bytes");
        }
        return value;
    }
}
