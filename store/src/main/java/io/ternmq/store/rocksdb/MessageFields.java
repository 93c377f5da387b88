package io.ternmq.store.rocksdb;

import io.ternmq.protocol.PublishProperties;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * The tagged tail shared by the {@code messages} and {@code retained} rows: the forwarded properties
 * ({@link PropertyFields}) followed by {@link Tag#EXPIRES_AT} when the message expires.
 */
record MessageFields(PublishProperties properties, @Nullable Instant expiresAt) {

    static void write(ValueWriter out, PublishProperties properties, @Nullable Instant expiresAt) {
        PropertyFields.write(out, properties);
        if (expiresAt != null) {
            out.u8(Tag.EXPIRES_AT).i64(expiresAt.toEpochMilli());
        }
    }

    /** Reads every remaining tag of the row; an unknown or repeated tag makes the row corrupt. */
    static MessageFields read(ValueReader in) {
        var fields = new PropertyFields();
        Instant expiresAt = null;
        while (in.hasRemaining()) {
            int tag = in.u8();
            if (tag == Tag.EXPIRES_AT) {
                fields.once(tag);
                expiresAt = Instant.ofEpochMilli(in.i64());
            } else if (!fields.read(tag, in)) {
                throw PropertyFields.unknown(tag);
            }
        }
        return new MessageFields(fields.properties(), expiresAt);
    }
}
