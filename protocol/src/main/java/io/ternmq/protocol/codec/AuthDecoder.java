package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.Auth;
import io.ternmq.protocol.AuthProperties;
import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.ReasonCode;

/**
 * AUTH (MQTT 5 only, 3.15): a reason code and properties, both of which may be left out: remaining length 0
 * means success without properties (3.15.2.1).
 */
final class AuthDecoder {

    private AuthDecoder() {
    }

    static Auth decode(int flags, ByteBuf in, int end) {
        if (flags != 0) {
            throw Malformed.flags(PacketType.AUTH, flags, 0); // [MQTT-3.15.1-1]
        }
        if (!FieldReader.hasMore(in, end)) {
            return new Auth(ReasonCode.SUCCESS, AuthProperties.EMPTY);
        }
        ReasonCode reasonCode = PublishAckV5Decoder.readReasonCode(PacketType.AUTH, in, end); // [MQTT-3.15.2-1]
        AuthProperties properties = FieldReader.hasMore(in, end) ? PropertyRecords.auth(in, end) : AuthProperties.EMPTY;
        return new Auth(reasonCode, properties);
    }
}
