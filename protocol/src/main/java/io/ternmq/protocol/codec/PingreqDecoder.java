package io.ternmq.protocol.codec;

import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.Pingreq;

/** PINGREQ: no variable header, no payload; a non-zero remaining length is rejected as trailing bytes. */
final class PingreqDecoder {

    private PingreqDecoder() {
    }

    static Pingreq decode(int flags) {
        if (flags != 0) {
            throw Malformed.flags(PacketType.PINGREQ, flags, 0); // [MQTT-2.2.2-1] [MQTT-2.2.2-2]
        }
        return Pingreq.INSTANCE;
    }
}
