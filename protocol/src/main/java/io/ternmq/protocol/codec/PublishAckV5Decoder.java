package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.AckProperties;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.PropertyScope;
import io.ternmq.protocol.Puback;
import io.ternmq.protocol.Pubcomp;
import io.ternmq.protocol.Pubrec;
import io.ternmq.protocol.Pubrel;
import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.ReasonCodes;

/**
 * PUBACK, PUBREC, PUBREL and PUBCOMP of MQTT 5 (3.4 to 3.7): packet identifier, then a reason code and
 * properties, both of which may be left out: remaining length 2 means success without properties, 3 a reason
 * code without properties (3.4.2.1).
 */
final class PublishAckV5Decoder {

    private static final int PUBREL_FLAGS = 0b0010;

    private PublishAckV5Decoder() {
    }

    static MqttPacket decode(PacketType type, int flags, ByteBuf in, int end) {
        int expectedFlags = type == PacketType.PUBREL ? PUBREL_FLAGS : 0;
        if (flags != expectedFlags) {
            throw Malformed.flags(type, flags, expectedFlags); // [MQTT-2.1.3-1] [MQTT-3.6.1-1]
        }
        int packetId = FieldReader.readPacketId(in, end, type); // [MQTT-2.2.1-5]
        ReasonCode reasonCode = ReasonCode.SUCCESS;
        AckProperties properties = AckProperties.EMPTY;
        if (FieldReader.hasMore(in, end)) {
            reasonCode = readReasonCode(type, in, end);
            if (FieldReader.hasMore(in, end)) {
                properties = PropertyRecords.ack(in, end, PropertyScope.valueOf(type.name()));
            }
        }
        return switch (type) {
            case PUBACK -> new Puback(packetId, reasonCode, properties);
            case PUBREC -> new Pubrec(packetId, reasonCode, properties);
            case PUBREL -> new Pubrel(packetId, reasonCode, properties);
            case PUBCOMP -> new Pubcomp(packetId, reasonCode, properties);
            default -> throw new IllegalArgumentException(type + " is not a publish acknowledgement");
        };
    }

    /** A reason code byte that {@code type} may carry, else the packet is malformed. */
    static ReasonCode readReasonCode(PacketType type, ByteBuf in, int end) {
        int value = FieldReader.readUnsignedByte(in, end, type, " reason code");
        ReasonCode code = ReasonCode.fromValue(value);
        if (code == null || !ReasonCodes.allowedIn(type, value)) {
            // [MQTT-3.4.2-1] [MQTT-3.5.2-1] [MQTT-3.6.2-1] [MQTT-3.7.2-1] [MQTT-3.14.2-1] [MQTT-3.15.2-1]
            throw Malformed.packet(type + " reason code " + value + " is not defined for " + type);
        }
        return code;
    }
}
