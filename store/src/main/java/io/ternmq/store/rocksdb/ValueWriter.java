package io.ternmq.store.rocksdb;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Builds one key or value: big-endian integers, strings as u16 length + UTF-8, byte arrays as u32 length + bytes. */
final class ValueWriter {

    private byte[] bytes;
    private int size;

    ValueWriter(int expectedSize) {
        bytes = new byte[Math.max(16, expectedSize)];
    }

    ValueWriter u8(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
        return this;
    }

    ValueWriter u16(int value) {
        ensure(2);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
        return this;
    }

    ValueWriter u32(int value) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    ValueWriter i64(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    ValueWriter string(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        return u16(utf8.length).raw(utf8);
    }

    ValueWriter blob(byte[] value) {
        return u32(value.length).raw(value);
    }

    ValueWriter raw(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
        return this;
    }

    byte[] toBytes() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
