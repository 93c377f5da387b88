package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

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
    private final byte[] scratch = new byte[MAX_CACHED_BYTES];

    private RecentTopics() {
    }

    /** The topic name of {@code length} bytes at {@code index}, as {@link Utf8#decode(ByteBuf, int, int, String)}. */
    static String decode(ByteBuf in, int index, int length, String field) {
        if (length == 0 || length > MAX_CACHED_BYTES) {
            return Utf8.decode(in, index, length, field);
        }
        return LOCAL.get().lookup(in, index, length, field);
    }

    private String lookup(ByteBuf in, int index, int length, String field) {
        in.getBytes(index, scratch, 0, length);
        int slot = slotOf(scratch, length);
        byte[] key = keys[slot];
        if (key != null && Arrays.equals(key, 0, key.length, scratch, 0, length)) {
            return topics[slot];
        }
        String topic = Utf8.decode(scratch, 0, length, field);
        keys[slot] = Arrays.copyOf(scratch, length);
        topics[slot] = topic;
        return topic;
    }

    /**
     * The slot of the first {@code length} bytes of {@code bytes}, hashed eight at a time: a hash byte by byte was
     * one multiply per byte in a dependent chain, and the intake's top frame. The bytes past {@code length} in the
     * last word are masked off (the scratch array holds older topics' bytes there, and has room for a whole word).
     */
    private static int slotOf(byte[] bytes, int length) {
        long hash = length;
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            hash = (hash ^ (long) LONGS.get(bytes, i)) * MIX;
        }
        if (i < length) {
            long last = (long) LONGS.get(bytes, i) & (-1L >>> (Long.SIZE - Byte.SIZE * (length - i)));
            hash = (hash ^ last) * MIX;
        }
        hash = (hash ^ (hash >>> 29)) * MIX;
        return (int) (hash >>> (Long.SIZE - SLOT_BITS));
    }
}
