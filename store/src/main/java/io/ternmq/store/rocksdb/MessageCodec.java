package io.ternmq.store.rocksdb;

import io.ternmq.store.StoredMessage;

/**
 * Column family {@code messages}: each payload held by persistent sessions, stored once.
 * <pre>
 *   key   = message id:i64 big-endian (ids grow, so iteration is in id order)
 *   value = qos:u8  topic:u16-length UTF-8  payload:u32-length bytes
 *           { tag:u8 value } (format 2, {@link Tag}): PAYLOAD_FORMAT, MESSAGE_EXPIRY_INTERVAL, CONTENT_TYPE,
 *           RESPONSE_TOPIC, CORRELATION_DATA, USER_PROPERTY*, EXPIRES_AT
 * </pre>
 */
final class MessageCodec {

    private MessageCodec() {
    }

    static byte[] key(long id) {
        return new ValueWriter(8).i64(id).toBytes();
    }

    static byte[] value(StoredMessage message) {
        var out = new ValueWriter(message.topic().length() + message.payload().length + 8
                + PropertyFields.sizeHint(message.properties()))
                .u8(message.qos().value()).string(message.topic()).blob(message.payload());
        MessageFields.write(out, message.properties(), message.expiresAt());
        return out.toBytes();
    }

    static long id(byte[] key) {
        var in = new ValueReader(key);
        long id = in.i64();
        in.end();
        return id;
    }

    static StoredMessage decode(byte[] key, byte[] value) {
        long id = new ValueReader(key).i64();
        var in = new ValueReader(value);
        var qos = QosByte.decode(in.u8());
        String topic = in.string();
        byte[] payload = in.blob();
        var fields = MessageFields.read(in);
        return new StoredMessage(id, topic, qos, payload, fields.properties(), fields.expiresAt());
    }
}
