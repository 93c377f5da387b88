package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.Connack;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.Disconnect;
import io.ternmq.protocol.MqttPacket;
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
 * so a test client can still build unusual packets. MQTT 5 is not written yet.
 */
public final class PacketEncoder {

    /** The exact number of bytes {@link #encode} writes for this packet. */
    public int encodedSize(MqttPacket packet, ProtocolVersion version) {
        return FixedHeader.packetSize(remainingLength(packet, version));
    }

    /** Writes the whole packet, fixed header included, to {@code out}. */
    public void encode(MqttPacket packet, ProtocolVersion version, ByteBuf out) {
        requireSupported(version);
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
        }
    }

    private static int remainingLength(MqttPacket packet, ProtocolVersion version) {
        requireSupported(version);
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
        };
    }

    static ProtocolVersion requireSupported(ProtocolVersion version) {
        if (version == ProtocolVersion.MQTT_5) {
            throw new IllegalArgumentException("MQTT 5 encoding is not written yet");
        }
        return version;
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
