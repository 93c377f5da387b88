package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The PUBLISH topics a thread decoded recently, so that a topic seen again decodes to the same String without
 * allocating one. Devices publish to the same few topics over and over; the same String instance also lets the
 * encoder's identity cache ({@link TopicBytes}) skip converting it back to UTF-8 for each delivery.
 * <p>
 * Direct-mapped by a hash of the bytes; a slot holds the last topic that hashed to it, so many distinct topics only
 * cost a copy of each one's bytes. A hit needs the bytes to be equal, so the String is always what decoding would
 * have produced.
 */
final class RecentTopics {

    private static final int SLOTS = 512;
    private static final int SLOT_BITS = Integer.numberOfTrailingZeros(SLOTS);
    private static final long MIX = 0x9E3779B97F4A7C15L;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    /** Longer topics are decoded every time: rare, and not worth holding on to. */
    static final int MAX_CACHED_BYTES = 256;

    private static final FastThreadLocal<RecentTopics> LOCAL = new FastThreadLocal<>() {
        @Override
        protected RecentTopics initialValue() {
            return new RecentTopics();
        }
    };

    private final byte[][] keys = new byte[SLOTS][];
    private final String[] topics = new String[SLOTS];

    private RecentTopics() {
    }

    /** The topic name of {@code length} bytes at {@code index}, as {@link Utf8#decode(ByteBuf, int, int, String)}. */
    static String decode(ByteBuf in, int index, int length, String field) {
        if (length == 0 || length > MAX_CACHED_BYTES) {
            return Utf8.decode(in, index, length, field);
        }
        return LOCAL.get().lookup(in, index, length, field);
    }

    /** A hit reads the buffer in place, eight bytes at a time; only a miss copies the topic out. */
    private String lookup(ByteBuf in, int index, int length, String field) {
        int slot = slotOf(in, index, length);
        byte[] key = keys[slot];
        if (key != null && key.length == length && equals(in, index, key)) {
            return topics[slot];
        }
        byte[] bytes = new byte[length];
        in.getBytes(index, bytes);
        String topic = Utf8.decode(bytes, 0, length, field);
        keys[slot] = bytes;
        topics[slot] = topic;
        return topic;
    }

    /**
     * The slot of the {@code length} bytes at {@code index}, hashed eight at a time: a hash byte by byte was one
     * multiply per byte in a dependent chain, and the intake's top frame.
     */
    private static int slotOf(ByteBuf in, int index, int length) {
        long hash = length;
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            hash = (hash ^ in.getLongLE(index + i)) * MIX;
        }
        if (i < length) {
            long last = 0;
            for (int shift = 0; i < length; i++, shift += Byte.SIZE) {
                last |= (in.getByte(index + i) & 0xFFL) << shift;
            }
            hash = (hash ^ last) * MIX;
        }
        hash = (hash ^ (hash >>> 29)) * MIX;
        return (int) (hash >>> (Long.SIZE - SLOT_BITS));
    }

    /** Whether the buffer holds {@code key}'s bytes at {@code index}. */
    private static boolean equals(ByteBuf in, int index, byte[] key) {
        int i = 0;
        for (; i + Long.BYTES <= key.length; i += Long.BYTES) {
            if (in.getLongLE(index + i) != (long) LONGS.get(key, i)) {
                return false;
            }
        }
        for (; i < key.length; i++) {
            if (in.getByte(index + i) != key[i]) {
                return false;
            }
        }
        return true;
    }
}
