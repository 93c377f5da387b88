package io.ternmq.store.rocksdb;

import io.ternmq.protocol.Qos;

/** A QoS as one byte, its protocol value 0..2. */
final class QosByte {

    private QosByte() {
    }

    static Qos decode(int value) {
        return switch (value) {
            case 0 -> Qos.AT_MOST_ONCE;
            case 1 -> Qos.AT_LEAST_ONCE;
            case 2 -> Qos.EXACTLY_ONCE;
            default -> throw new CorruptValueException("QoS byte " + value);
        };
    }
}
