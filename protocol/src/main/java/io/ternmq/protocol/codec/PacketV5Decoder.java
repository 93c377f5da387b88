package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.PacketType;

/** Hands the body of an MQTT 5 packet (CONNECT aside, which names its own version) to the decoder of its type. */
final class PacketV5Decoder {

    private PacketV5Decoder() {
    }

    static MqttPacket decodeBody(PacketType type, int flags, ByteBuf in, int end) {
        return switch (type) {
            case CONNECT -> throw new IllegalArgumentException("CONNECT is decoded by ConnectDecoder");
            case CONNACK -> ConnackV5Decoder.decode(flags, in, end);
            case PUBLISH -> PublishV5Decoder.decode(flags, in, end);
            case PUBACK, PUBREC, PUBREL, PUBCOMP -> PublishAckV5Decoder.decode(type, flags, in, end);
            case SUBSCRIBE -> SubscribeV5Decoder.decode(flags, in, end);
            case SUBACK -> SubackV5Decoder.decodeSuback(flags, in, end);
            case UNSUBSCRIBE -> UnsubscribeV5Decoder.decode(flags, in, end);
            case UNSUBACK -> SubackV5Decoder.decodeUnsuback(flags, in, end);
            case PINGREQ -> PingreqDecoder.decode(flags); // [MQTT-2.1.3-1]
            case PINGRESP -> PingrespDecoder.decode(flags); // [MQTT-2.1.3-1]
            case DISCONNECT -> DisconnectV5Decoder.decode(flags, in, end);
            case AUTH -> AuthDecoder.decode(flags, in, end);
        };
    }
}
