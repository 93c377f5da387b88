package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.MalformedPacketException;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.ReasonCode;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads whole packets from a stream of bytes. Stateless apart from its limit, so one instance serves every
 * connection. This class frames (fixed header, remaining length, size limit) and hands the body to the decoder
 * of the packet type.
 */
public final class PacketDecoder {

    private static final int MAX_LENGTH_BYTES = 4;

    private final int maxPacketSize;
    private final Set<ProtocolVersion> acceptedVersions;

    /**
     * A decoder for MQTT 3.1 and 3.1.1 only: a CONNECT of level 5 raises
     * {@link io.ternmq.protocol.UnsupportedProtocolVersionException}, as the broker refuses 5.0 until its
     * core speaks it.
     *
     * @param maxPacketSize the largest whole packet (fixed header included) accepted, in bytes
     */
    public PacketDecoder(int maxPacketSize) {
        this(maxPacketSize, EnumSet.of(ProtocolVersion.MQTT_3_1, ProtocolVersion.MQTT_3_1_1));
    }

    /**
     * @param maxPacketSize    the largest whole packet (fixed header included) accepted, in bytes
     * @param acceptedVersions the CONNECT protocol levels decoded; any other known level raises
     *                         {@link io.ternmq.protocol.UnsupportedProtocolVersionException}
     */
    public PacketDecoder(int maxPacketSize, Set<ProtocolVersion> acceptedVersions) {
        if (maxPacketSize < 2) {
            throw new IllegalArgumentException("maximum packet size " + maxPacketSize + " is below the 2-byte minimum");
        }
        this.maxPacketSize = maxPacketSize;
        this.acceptedVersions = Set.copyOf(acceptedVersions);
    }

    /**
     * Decodes one packet if all its bytes are readable, consuming exactly them; returns null and leaves the
     * reader index unchanged when more bytes are needed. A packet larger than the maximum is rejected as soon
     * as its remaining length is known, before its body arrives. The returned packet holds no reference to
     * {@code in}. After an exception the reader index is unspecified: the connection is to be closed.
     *
     * @param version the connection's protocol version; before CONNECT, {@link ProtocolVersion#MQTT_3_1_1}
     * @throws io.ternmq.protocol.MalformedPacketException on malformed input or a packet that is too large
     */
    public @Nullable MqttPacket decode(ByteBuf in, ProtocolVersion version) {
        int start = in.readerIndex();
        int available = in.writerIndex() - start;
        if (available == 0) {
            return null;
        }
        int firstByte = in.getUnsignedByte(start);
        PacketType type = PacketType.fromValue(firstByte >>> 4); // 2.2.1: type 0 is reserved
        int remainingLength = 0;
        int lengthBytes = 0;
        int digit;
        do {
            if (lengthBytes == MAX_LENGTH_BYTES) {
                throw Malformed.packet("remaining length takes more than 4 bytes"); // 2.2.3
            }
            if (1 + lengthBytes == available) {
                return null;
            }
            digit = in.getUnsignedByte(start + 1 + lengthBytes);
            remainingLength |= (digit & 0x7F) << (7 * lengthBytes);
            lengthBytes++;
        } while ((digit & 0x80) != 0);
        if (digit == 0 && lengthBytes > 1 && version == ProtocolVersion.MQTT_5) {
            // [MQTT-1.5.5-1] the shortest encoding only; 3.1.1 sets no such rule, so its clients are left alone
            throw Malformed.packet("remaining length is not in its shortest encoding");
        }
        int headerSize = 1 + lengthBytes;
        if (remainingLength > maxPacketSize - headerSize) {
            throw new MalformedPacketException(ReasonCode.PACKET_TOO_LARGE, type + " of "
                    + (headerSize + remainingLength) + " bytes exceeds the maximum packet size " + maxPacketSize);
        }
        if (available - headerSize < remainingLength) {
            return null;
        }
        int end = start + headerSize + remainingLength;
        in.readerIndex(start + headerSize);
        MqttPacket packet = version == ProtocolVersion.MQTT_5 && type != PacketType.CONNECT
                ? PacketV5Decoder.decodeBody(type, firstByte & 0x0F, in, end)
                : decodeBody(type, firstByte & 0x0F, in, end, version);
        if (in.readerIndex() != end) {
            // 2.2.3: the remaining length covers exactly the variable header and the payload
            throw Malformed.packet(type + " has " + (end - in.readerIndex()) + " bytes after its last field");
        }
        return packet;
    }

    private MqttPacket decodeBody(PacketType type, int flags, ByteBuf in, int end, ProtocolVersion version) {
        // A CONNECT says itself which version follows, so it is read whatever the connection's version.
        return switch (type) {
            case CONNECT -> ConnectDecoder.decode(flags, in, end, acceptedVersions);
            case CONNACK -> ConnackDecoder.decode(flags, in, end, version);
            case PUBLISH -> PublishDecoder.decode(flags, in, end);
            case PUBACK -> PubackDecoder.decode(flags, in, end);
            case PUBREC -> PubrecDecoder.decode(flags, in, end);
            case PUBREL -> PubrelDecoder.decode(flags, in, end);
            case PUBCOMP -> PubcompDecoder.decode(flags, in, end);
            case SUBSCRIBE -> SubscribeDecoder.decode(flags, in, end);
            case SUBACK -> SubackDecoder.decode(flags, in, end);
            case UNSUBSCRIBE -> UnsubscribeDecoder.decode(flags, in, end);
            case UNSUBACK -> UnsubackDecoder.decode(flags, in, end);
            case PINGREQ -> PingreqDecoder.decode(flags);
            case PINGRESP -> PingrespDecoder.decode(flags);
            case DISCONNECT -> DisconnectDecoder.decode(flags);
            case AUTH -> throw Malformed.packet("packet type 15 is reserved before MQTT 5"); // 2.2.1
        };
    }
}
