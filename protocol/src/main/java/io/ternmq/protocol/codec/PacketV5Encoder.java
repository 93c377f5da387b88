package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.Auth;
import io.ternmq.protocol.Connack;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.Disconnect;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.Pingreq;
import io.ternmq.protocol.Pingresp;
import io.ternmq.protocol.Puback;
import io.ternmq.protocol.Pubcomp;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Pubrec;
import io.ternmq.protocol.Pubrel;
import io.ternmq.protocol.Suback;
import io.ternmq.protocol.Subscribe;
import io.ternmq.protocol.Unsuback;
import io.ternmq.protocol.Unsubscribe;

/** Hands an MQTT 5 packet to the encoder of its type. */
final class PacketV5Encoder {

    private static final int PUBACK = 0x40;
    private static final int PUBREC = 0x50;
    private static final int PUBREL = 0x62; // flags 0010 [MQTT-3.6.1-1]
    private static final int PUBCOMP = 0x70;

    private PacketV5Encoder() {
    }

    static int remainingLength(MqttPacket packet) {
        return switch (packet) {
            case Connect p -> ConnectV5Encoder.remainingLength(p);
            case Connack p -> ConnackV5Encoder.remainingLength(p);
            case Publish p -> PublishV5Encoder.remainingLength(p);
            case Puback p -> PublishAckV5Encoder.remainingLength(p.packetId(), p.reasonCode(), p.properties());
            case Pubrec p -> PublishAckV5Encoder.remainingLength(p.packetId(), p.reasonCode(), p.properties());
            case Pubrel p -> PublishAckV5Encoder.remainingLength(p.packetId(), p.reasonCode(), p.properties());
            case Pubcomp p -> PublishAckV5Encoder.remainingLength(p.packetId(), p.reasonCode(), p.properties());
            case Subscribe p -> SubscribeV5Encoder.remainingLength(p);
            case Suback p -> SubackV5Encoder.remainingLength(p.packetId(), p.returnCodes(), p.properties());
            case Unsubscribe p -> UnsubscribeV5Encoder.remainingLength(p);
            case Unsuback p -> SubackV5Encoder.remainingLength(p.packetId(), p.reasonCodes(), p.properties());
            case Pingreq ping -> PingreqEncoder.REMAINING_LENGTH;
            case Pingresp pong -> PingrespEncoder.REMAINING_LENGTH;
            case Disconnect p -> DisconnectV5Encoder.remainingLength(p);
            case Auth p -> AuthEncoder.remainingLength(p);
        };
    }

    static void encode(MqttPacket packet, ByteBuf out) {
        switch (packet) {
            case Connect p -> ConnectV5Encoder.encode(p, out);
            case Connack p -> ConnackV5Encoder.encode(p, out);
            case Publish p -> PublishV5Encoder.encode(p, out);
            case Puback p -> PublishAckV5Encoder.encode(PUBACK, p.packetId(), p.reasonCode(), p.properties(), out);
            case Pubrec p -> PublishAckV5Encoder.encode(PUBREC, p.packetId(), p.reasonCode(), p.properties(), out);
            case Pubrel p -> PublishAckV5Encoder.encode(PUBREL, p.packetId(), p.reasonCode(), p.properties(), out);
            case Pubcomp p -> PublishAckV5Encoder.encode(PUBCOMP, p.packetId(), p.reasonCode(), p.properties(), out);
            case Subscribe p -> SubscribeV5Encoder.encode(p, out);
            case Suback p -> SubackV5Encoder.encode(SubackV5Encoder.SUBACK_FIRST_BYTE, p.packetId(), p.returnCodes(),
                    p.properties(), out);
            case Unsubscribe p -> UnsubscribeV5Encoder.encode(p, out);
            case Unsuback p -> SubackV5Encoder.encode(SubackV5Encoder.UNSUBACK_FIRST_BYTE, p.packetId(),
                    p.reasonCodes(), p.properties(), out);
            case Pingreq ping -> PingreqEncoder.encode(out);
            case Pingresp pong -> PingrespEncoder.encode(out);
            case Disconnect p -> DisconnectV5Encoder.encode(p, out);
            case Auth p -> AuthEncoder.encode(p, out);
        }
    }
}
