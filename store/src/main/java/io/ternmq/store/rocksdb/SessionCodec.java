package io.ternmq.store.rocksdb;

import io.ternmq.protocol.Qos;
import io.ternmq.store.StoredSession;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Column family {@code sessions}, one row per persistent session.
 * <pre>
 *   key   = UTF-8(client id)
 *   value = hasExpiry:u8 (0|1) [expiresAt epoch millis:i64 if 1]
 *           count:u32 { filter:u16-length UTF-8  qos:u8 } * count
 * </pre>
 */
final class SessionCodec {

    private SessionCodec() {
    }

    static byte[] key(String clientId) {
        return clientId.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] value(StoredSession session) {
        var out = new ValueWriter(32 + session.subscriptions().size() * 24);
        Instant expiresAt = session.expiresAt();
        if (expiresAt == null) {
            out.u8(0);
        } else {
            out.u8(1).i64(expiresAt.toEpochMilli());
        }
        out.u32(session.subscriptions().size());
        session.subscriptions().forEach((filter, qos) -> out.string(filter).u8(qos.value()));
        return out.toBytes();
    }

    static StoredSession decode(byte[] key, byte[] value) {
        var in = new ValueReader(value);
        Instant expiresAt = switch (in.u8()) {
            case 0 -> null;
            case 1 -> Instant.ofEpochMilli(in.i64());
            default -> throw new CorruptValueException("expiry flag");
        };
        int count = in.u32();
        if (count < 0) {
            throw new CorruptValueException("subscription count " + count);
        }
        Map<String, Qos> subscriptions = new HashMap<>();
        for (int i = 0; i < count; i++) {
            subscriptions.put(in.string(), QosByte.decode(in.u8()));
        }
        in.end();
        return new StoredSession(new String(key, StandardCharsets.UTF_8), subscriptions, expiresAt);
    }
}
