package io.ternmq.store.rocksdb;

import io.ternmq.store.RetainedMessage;

import java.nio.charset.StandardCharsets;

/**
 * Column family {@code retained}: the retained message of each topic.
 * <pre>
 *   key   = UTF-8(topic)
 *   value = qos:u8  payload:u32-length bytes (never empty)  [properties, see PublishPropertiesCodec]
 * </pre>
 */
final class RetainedCodec {

    private RetainedCodec() {
    }

    static byte[] key(String topic) {
        return topic.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] value(RetainedMessage message) {
        var out = new ValueWriter(message.payload().length + 5).u8(message.qos().value()).blob(message.payload());
        PublishPropertiesCodec.write(out, message.properties());
        return out.toBytes();
    }

    static RetainedMessage decode(byte[] key, byte[] value) {
        var in = new ValueReader(value);
        var qos = QosByte.decode(in.u8());
        byte[] payload = in.blob();
        var properties = PublishPropertiesCodec.read(in);
        in.end();
        if (payload.length == 0) {
            throw new CorruptValueException("empty retained payload");
        }
        return new RetainedMessage(new String(key, StandardCharsets.UTF_8), payload, qos, properties);
    }
}
