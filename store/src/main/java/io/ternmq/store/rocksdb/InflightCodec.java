package io.ternmq.store.rocksdb;

import io.ternmq.store.InflightEntry;
import io.ternmq.store.InflightStage;

/**
 * Column family {@code inflight}: outbound messages sent to persistent sessions' clients, not fully acknowledged.
 * <pre>
 *   key   = {@link ClientKeys} (client id, sequence it had in the queue)
 *   value = packet id:u16  message id:i64  qos:u8  retain:u8 (0|1)  stage:u8 (0 PUBLISH sent, 1 PUBREL sent)
 * </pre>
 */
final class InflightCodec {

    private InflightCodec() {
    }

    static byte[] key(InflightEntry entry) {
        return ClientKeys.key(entry.clientId(), entry.sequence());
    }

    static byte[] value(InflightEntry entry) {
        return new ValueWriter(13).u16(entry.packetId()).i64(entry.messageId()).u8(entry.qos().value())
                .u8(entry.retain() ? 1 : 0).u8(entry.stage().ordinal()).toBytes();
    }

    static InflightEntry decode(byte[] key, byte[] value) {
        var in = new ValueReader(value);
        int packetId = in.u16();
        if (packetId == 0) {
            throw new CorruptValueException("in-flight packet id 0"); // never an id [MQTT-2.3.1-1]
        }
        long messageId = in.i64();
        var qos = QosByte.decode(in.u8());
        boolean retain = Flag.decode(in.u8());
        InflightStage stage = switch (in.u8()) {
            case 0 -> InflightStage.PUBLISH_SENT;
            case 1 -> InflightStage.PUBREL_SENT;
            default -> throw new CorruptValueException("in-flight stage");
        };
        in.end();
        return new InflightEntry(ClientKeys.clientId(key), ClientKeys.number(key), packetId, messageId, qos, retain,
                stage);
    }
}
