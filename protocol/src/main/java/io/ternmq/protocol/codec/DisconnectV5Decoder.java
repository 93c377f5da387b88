package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.Disconnect;
import io.ternmq.protocol.DisconnectProperties;
import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.ReasonCode;

/**
 * DISCONNECT of MQTT 5 (3.14): a reason code and properties, both of which may be left out: remaining
 * length 0 means normal disconnection without properties, 1 a reason code without properties (3.14.2.1).
 */
final class DisconnectV5Decoder {

    private DisconnectV5Decoder() {
    }

    static Disconnect decode(int flags, ByteBuf in, int end) {
        if (flags != 0) {
            throw Malformed.flags(PacketType.DISCONNECT, flags, 0); // [MQTT-3.14.1-1]
        }
        if (!FieldReader.hasMore(in, end)) {
            return Disconnect.INSTANCE;
        }
        ReasonCode reasonCode = PublishAckV5Decoder.readReasonCode(PacketType.DISCONNECT, in, end); // [MQTT-3.14.2-1]
        DisconnectProperties properties = FieldReader.hasMore(in, end) ? PropertyRecords.disconnect(in, end)
                : DisconnectProperties.EMPTY;
        return new Disconnect(reasonCode, properties);
    }
}
