package io.ternmq.protocol.codec;

import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.Pingresp;

/** PINGRESP: no variable header, no payload; a non-zero remaining length is rejected as trailing bytes. */
final class PingrespDecoder {

    private PingrespDecoder() {
    }

    static Pingresp decode(int flags) {
        if (flags != 0) {
            throw Malformed.flags(PacketType.PINGRESP, flags, 0); // [MQTT-2.2.2-1] [MQTT-2.2.2-2]
        }
        return Pingresp.INSTANCE;
    }
}
