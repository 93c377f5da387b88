package io.ternmq.store.rocksdb;

import io.ternmq.store.QueuedMessage;

/**
 * Column family {@code queues}: messages waiting in persistent sessions' queues.
 * <pre>
 *   key   = {@link ClientKeys} (client id, sequence)
 *   value = message id:i64  qos:u8  retain:u8 (0|1)
 * </pre>
 */
final class QueueCodec {

    private QueueCodec() {
    }

    static byte[] key(QueuedMessage message) {
        return ClientKeys.key(message.clientId(), message.sequence());
    }

    static byte[] value(QueuedMessage message) {
        return new ValueWriter(10).i64(message.messageId()).u8(message.qos().value())
                .u8(message.retain() ? 1 : 0).toBytes();
    }

    static QueuedMessage decode(byte[] key, byte[] value) {
        var in = new ValueReader(value);
        long messageId = in.i64();
        var qos = QosByte.decode(in.u8());
        boolean retain = Flag.decode(in.u8());
        in.end();
        return new QueuedMessage(ClientKeys.clientId(key), ClientKeys.number(key), messageId, qos, retain);
    }
}
