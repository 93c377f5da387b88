package io.ternmq.store.rocksdb;

import io.ternmq.store.StoredWill;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Column family {@code wills}: delayed wills (MQTT 5), one per client.
 * <pre>
 *   key   = UTF-8(client id)
 *   value = publishAt epoch millis:i64  qos:u8  retain:u8 (0|1)  topic:u16-length UTF-8  payload:u32-length bytes
 *           { tag:u8 value } (format 2, {@link Tag}): PAYLOAD_FORMAT, MESSAGE_EXPIRY_INTERVAL, CONTENT_TYPE,
 *           RESPONSE_TOPIC, CORRELATION_DATA, USER_PROPERTY*
 * </pre>
 */
final class WillCodec {

    private WillCodec() {
    }

    static byte[] key(String clientId) {
        return clientId.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] value(StoredWill will) {
        var out = new ValueWriter(will.topic().length() + will.payload().length + 16
                + PropertyFields.sizeHint(will.properties()))
                .i64(will.publishAt().toEpochMilli()).u8(will.qos().value()).u8(will.retain() ? 1 : 0)
                .string(will.topic()).blob(will.payload());
        PropertyFields.write(out, will.properties());
        return out.toBytes();
    }

    static StoredWill decode(byte[] key, byte[] value) {
        var in = new ValueReader(value);
        Instant publishAt = Instant.ofEpochMilli(in.i64());
        var qos = QosByte.decode(in.u8());
        boolean retain = Flag.decode(in.u8());
        String topic = in.string();
        byte[] payload = in.blob();
        var fields = new PropertyFields();
        while (in.hasRemaining()) {
            int tag = in.u8();
            if (!fields.read(tag, in)) {
                throw PropertyFields.unknown(tag);
            }
        }
        return new StoredWill(new String(key, StandardCharsets.UTF_8), topic, payload, qos, retain, publishAt,
                fields.properties());
    }
}
