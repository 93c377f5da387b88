package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.Auth;
import io.ternmq.protocol.Connack;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.Disconnect;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.PacketProperties;
import io.ternmq.protocol.Pingreq;
import io.ternmq.protocol.Pingresp;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Puback;
import io.ternmq.protocol.Pubcomp;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Pubrec;
import io.ternmq.protocol.Pubrel;
import io.ternmq.protocol.Suback;
import io.ternmq.protocol.Subscribe;
import io.ternmq.protocol.Unsuback;
import io.ternmq.protocol.Unsubscribe;

/**
 * Writes packets. Stateless, so one instance serves every connection. It checks only that a packet can be
 * represented on the wire (field sizes, remaining length, well-formed strings) and throws
 * IllegalArgumentException otherwise; the protocol rules are the decoder's and the broker core's business,
 * so a test client can still build unusual packets.
 *
 * <p>MQTT 5: to respect a client's maximum packet size, compare {@link #encodedSize} with it and, when it is
 * over, try {@link MqttPacket#withoutOptionalDiagnostics()} (reason string and user properties left out)
 * before dropping the packet [MQTT-3.1.2-24] [MQTT-3.1.2-25]. A CONNECT is written at the level its record
 * names, whatever {@code version} says. Before MQTT 5 the 5.0 fields (properties, reason codes, subscription
 * options) are not written; an AUTH cannot be written.
 */
public final class PacketEncoder {

    /** The exact number of bytes {@link #encode} writes for this packet. */
    public int encodedSize(MqttPacket packet, ProtocolVersion version) {
        return FixedHeader.packetSize(remainingLength(packet, version));
    }

    /** Writes the whole packet, fixed header included, to {@code out}. */
    public void encode(MqttPacket packet, ProtocolVersion version, ByteBuf out) {
        if (isMqtt5(packet, version)) {
            PacketV5Encoder.encode(packet, out);
            return;
        }
        switch (packet) {
            case Connect p -> ConnectEncoder.encode(p, out);
            case Connack p -> ConnackEncoder.encode(p, version, out);
            case Publish p -> PublishEncoder.encode(p, out);
            case Puback p -> PubackEncoder.encode(p, out);
            case Pubrec p -> PubrecEncoder.encode(p, out);
            case Pubrel p -> PubrelEncoder.encode(p, out);
            case Pubcomp p -> PubcompEncoder.encode(p, out);
            case Subscribe p -> SubscribeEncoder.encode(p, out);
            case Suback p -> SubackEncoder.encode(p, out);
            case Unsubscribe p -> UnsubscribeEncoder.encode(p, out);
            case Unsuback p -> UnsubackEncoder.encode(p, out);
            case Pingreq ping -> PingreqEncoder.encode(out);
            case Pingresp pong -> PingrespEncoder.encode(out);
            case Disconnect disconnect -> DisconnectEncoder.encode(out);
            case Auth auth -> throw noAuth(version);
        }
    }

    /** The encoded size of the packet's properties alone (property length field included), for MQTT 5. */
    public int propertiesSize(PacketProperties properties) {
        return PropertyEmitter.fieldSize(properties);
    }

    private static int remainingLength(MqttPacket packet, ProtocolVersion version) {
        if (isMqtt5(packet, version)) {
            return PacketV5Encoder.remainingLength(packet);
        }
        return switch (packet) {
            case Connect p -> ConnectEncoder.remainingLength(p);
            case Connack p -> ConnackEncoder.remainingLength(p);
            case Publish p -> PublishEncoder.remainingLength(p);
            case Puback p -> PubackEncoder.remainingLength(p);
            case Pubrec p -> PubrecEncoder.remainingLength(p);
            case Pubrel p -> PubrelEncoder.remainingLength(p);
            case Pubcomp p -> PubcompEncoder.remainingLength(p);
            case Subscribe p -> SubscribeEncoder.remainingLength(p);
            case Suback p -> SubackEncoder.remainingLength(p);
            case Unsubscribe p -> UnsubscribeEncoder.remainingLength(p);
            case Unsuback p -> UnsubackEncoder.remainingLength(p);
            case Pingreq ping -> PingreqEncoder.REMAINING_LENGTH;
            case Pingresp pong -> PingrespEncoder.REMAINING_LENGTH;
            case Disconnect disconnect -> DisconnectEncoder.REMAINING_LENGTH;
            case Auth auth -> throw noAuth(version);
        };
    }

    private static boolean isMqtt5(MqttPacket packet, ProtocolVersion version) {
        return packet instanceof Connect connect ? connect.version() == ProtocolVersion.MQTT_5
                : version == ProtocolVersion.MQTT_5;
    }

    private static IllegalArgumentException noAuth(ProtocolVersion version) {
        return new IllegalArgumentException("AUTH does not exist in " + version);
    }

    /** Sums of many fields are computed in long so that an overflow cannot hide a too large packet. */
    static int requireRemainingLength(long length) {
        if (length > FixedHeader.MAX_REMAINING_LENGTH) {
            throw new IllegalArgumentException(
                    "remaining length " + length + " exceeds the maximum " + FixedHeader.MAX_REMAINING_LENGTH);
        }
        return (int) length;
    }
}
