package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.PacketType;

/**
 * Reads the fields of one packet body from the reader index up to {@code end}, the end of the body: reading
 * past it means the remaining length was too short for the fields, which is malformed. A field's name for the
 * error message is put together only when the field is short: concatenated on every call, it cost a PUBLISH an
 * allocation wherever the compiler did not inline this far (an embedding application's JVM, a cold path).
 */
final class FieldReader {

    static final byte[] EMPTY = new byte[0];

    private FieldReader() {
    }

    static int readUnsignedByte(ByteBuf in, int end, String field) {
        return readUnsignedByte(in, end, field, "");
    }

    /** As {@link #readUnsignedByte(ByteBuf, int, String)}, for the field named {@code owner} then {@code suffix}. */
    static int readUnsignedByte(ByteBuf in, int end, Object owner, String suffix) {
        require(in, end, 1, owner, suffix);
        return in.readUnsignedByte();
    }

    static int readUnsignedShort(ByteBuf in, int end, String field) {
        return readUnsignedShort(in, end, field, "");
    }

    private static int readUnsignedShort(ByteBuf in, int end, Object owner, String suffix) {
        require(in, end, 2, owner, suffix);
        return in.readUnsignedShort();
    }

    /** A packet identifier, never 0 [MQTT-2.3.1-1]. */
    static int readPacketId(ByteBuf in, int end, PacketType type) {
        int id = readUnsignedShort(in, end, type, " packet identifier");
        if (id == 0) {
            throw Malformed.packet(type + " packet identifier must not be 0"); // [MQTT-2.3.1-1]
        }
        return id;
    }

    /** A UTF-8 encoded string: two-byte length, then well-formed UTF-8 (1.5.3). */
    static String readString(ByteBuf in, int end, String field) {
        int length = readUnsignedShort(in, end, field, " length");
        require(in, end, length, field);
        String s = Utf8.decode(in, in.readerIndex(), length, field);
        in.skipBytes(length);
        return s;
    }

    /** A PUBLISH topic name: a UTF-8 string, decoded through the thread's {@link RecentTopics}. */
    static String readTopic(ByteBuf in, int end) {
        int length = readUnsignedShort(in, end, "topic name length");
        require(in, end, length, "topic name");
        String topic = RecentTopics.decode(in, in.readerIndex(), length, "topic name");
        in.skipBytes(length);
        return topic;
    }

    /** Binary data: two-byte length, then the bytes, copied so the result never refers to the buffer. */
    static byte[] readBinary(ByteBuf in, int end, String field) {
        int length = readUnsignedShort(in, end, field, " length");
        require(in, end, length, field);
        return readBytes(in, length);
    }

    /** All bytes left in the body. */
    static byte[] readRest(ByteBuf in, int end) {
        return readBytes(in, end - in.readerIndex());
    }

    static boolean hasMore(ByteBuf in, int end) {
        return in.readerIndex() < end;
    }

    private static byte[] readBytes(ByteBuf in, int length) {
        if (length == 0) {
            return EMPTY;
        }
        byte[] bytes = new byte[length];
        in.readBytes(bytes);
        return bytes;
    }

    private static void require(ByteBuf in, int end, int length, String field) {
        require(in, end, length, field, "");
    }

    private static void require(ByteBuf in, int end, int length, Object owner, String suffix) {
        int left = end - in.readerIndex();
        if (left < length) {
            throw Malformed.packet(owner + suffix + " needs " + length + " bytes but the packet has " + left
                    + " left");
        }
    }
}
