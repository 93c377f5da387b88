package io.ternmq.store.rocksdb;

import io.ternmq.store.RetainedMessage;

import java.nio.charset.StandardCharsets;

/**
 * Column family {@code retained}: the retained message of each topic.
 * <pre>
 *   key   = UTF-8(topic)
 *   value = qos:u8  payload:u32-length bytes (never empty)
 *           { tag:u8 value } (format 2, {@link Tag}): PAYLOAD_FORMAT, MESSAGE_EXPIRY_INTERVAL, CONTENT_TYPE,
 *           RESPONSE_TOPIC, CORRELATION_DATA, USER_PROPERTY*, EXPIRES_AT
 * </pre>
 */
final class RetainedCodec {

    private RetainedCodec() {
    }

    static byte[] key(String topic) {
        return topic.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] value(RetainedMessage message) {
        var out = new ValueWriter(message.payload().length + 5 + PropertyFields.sizeHint(message.properties()))
                .u8(message.qos().value()).blob(message.payload());
        MessageFields.write(out, message.properties(), message.expiresAt());
        return out.toBytes();
    }

    static RetainedMessage decode(byte[] key, byte[] value) {
        var in = new ValueReader(value);
        var qos = QosByte.decode(in.u8());
        byte[] payload = in.blob();
        if (payload.length == 0) {
            throw new CorruptValueException("empty retained payload");
        }
        var fields = MessageFields.read(in);
        return new RetainedMessage(new String(key, StandardCharsets.UTF_8), payload, qos, fields.properties(),
                fields.expiresAt());
    }
}
