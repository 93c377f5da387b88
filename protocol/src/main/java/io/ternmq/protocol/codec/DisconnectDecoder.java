package io.ternmq.protocol.codec;

import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.Disconnect;

/** DISCONNECT: no variable header, no payload; a non-zero remaining length is rejected as trailing bytes. */
final class DisconnectDecoder {

    private DisconnectDecoder() {
    }

    static Disconnect decode(int flags) {
        if (flags != 0) {
            throw Malformed.flags(PacketType.DISCONNECT, flags, 0); // [MQTT-3.14.1-1] [MQTT-2.2.2-2]
        }
        return Disconnect.INSTANCE;
    }
}
