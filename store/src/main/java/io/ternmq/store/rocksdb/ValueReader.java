package io.ternmq.store.rocksdb;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads what {@link ValueWriter} wrote; any truncation or bad UTF-8 is a {@link CorruptValueException}. */
final class ValueReader {

    private final ByteBuffer buffer;

    ValueReader(byte[] bytes) {
        buffer = ByteBuffer.wrap(bytes);
    }

    ValueReader(byte[] bytes, int offset) {
        buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    }

    int u8() {
        try {
            return buffer.get() & 0xFF;
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    int u16() {
        try {
            return buffer.getShort() & 0xFFFF;
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    int u32() {
        try {
            return buffer.getInt();
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    long i64() {
        try {
            return buffer.getLong();
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    String string() {
        byte[] utf8 = raw(u16());
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new CorruptValueException("malformed UTF-8 string");
        }
    }

    byte[] blob() {
        int length = u32();
        if (length < 0 || length > buffer.remaining()) {
            throw truncated();
        }
        return raw(length);
    }

    byte[] raw(int length) {
        if (length > buffer.remaining()) {
            throw truncated();
        }
        byte[] out = new byte[length];
        buffer.get(out);
        return out;
    }

    /** Whether bytes are left, for a value that ends with an optional part. */
    boolean hasRemaining() {
        return buffer.hasRemaining();
    }

    /** Trailing bytes mean the value is not what its codec wrote. */
    void end() {
        if (buffer.hasRemaining()) {
            throw new CorruptValueException(buffer.remaining() + " unexpected trailing bytes");
        }
    }

    private static CorruptValueException truncated() {
        return new CorruptValueException("value truncated");
    }
}
