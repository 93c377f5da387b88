package io.ternmq.store.rocksdb;

import io.ternmq.store.StoredWill;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Column family {@code wills}: delayed wills (MQTT 5), one per client.
 * <pre>
 *   key   = UTF-8(client id)
 *   value = publishAt epoch millis:i64  qos:u8  retain:u8 (0|1)  topic:u16-length UTF-8  payload:u32-length bytes
 * </pre>
 */
final class WillCodec {

    private WillCodec() {
    }

    static byte[] key(String clientId) {
        return clientId.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] value(StoredWill will) {
        return new ValueWriter(will.topic().length() + will.payload().length + 16).i64(will.publishAt().toEpochMilli())
                .u8(will.qos().value()).u8(will.retain() ? 1 : 0).string(will.topic()).blob(will.payload())
                .toBytes();
    }

    static StoredWill decode(byte[] key, byte[] value) {
        var in = new ValueReader(value);
        Instant publishAt = Instant.ofEpochMilli(in.i64());
        var qos = QosByte.decode(in.u8());
        boolean retain = Flag.decode(in.u8());
        String topic = in.string();
        byte[] payload = in.blob();
        in.end();
        return new StoredWill(new String(key, StandardCharsets.UTF_8), topic, payload, qos, retain, publishAt);
    }
}
