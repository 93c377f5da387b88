package io.ternmq.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.MalformedPacketException;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.Pingreq;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.ReasonCode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MqttPacketDecoderTest {

    /** One byte per packet: 'C' a v5 CONNECT, 'c' a 3.1 CONNECT, 'P' a PINGREQ, 'X' malformed, '.' needs more. */
    private final List<ProtocolVersion> versionsSeen = new ArrayList<>();

    private final PacketReader oneBytePackets = (in, version) -> {
        versionsSeen.add(version);
        byte kind = in.getByte(in.readerIndex());
        if (kind == '.') {
            return null;
        }
        in.skipBytes(1);
        return switch (kind) {
            case 'C' -> connect(ProtocolVersion.MQTT_5);
            case 'c' -> connect(ProtocolVersion.MQTT_3_1);
            case 'P' -> new Pingreq();
            default -> throw new MalformedPacketException(ReasonCode.MALFORMED_PACKET, "bad byte " + kind);
        };
    };

    private final EmbeddedChannel channel =
            new EmbeddedChannel(new MqttPacketDecoder(oneBytePackets, new NegotiatedVersion()));

    @Test
    void decode_beforeConnect_uses311() {
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[]{'P'}));

        assertThat(versionsSeen).containsExactly(ProtocolVersion.MQTT_3_1_1);
        assertThat((Object) channel.readInbound()).isInstanceOf(Pingreq.class);
    }

    @Test
    void decode_afterConnect_usesTheConnectVersionForLaterPackets() {
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[]{'C', 'P'}));

        assertThat(versionsSeen).containsExactly(ProtocolVersion.MQTT_3_1_1, ProtocolVersion.MQTT_5);
        assertThat(inbound()).hasExactlyElementsOfTypes(Connect.class, Pingreq.class);
    }

    @Test
    void decode_secondConnect_keepsTheFirstVersion() {
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[]{'C', 'c', 'P'}));

        assertThat(versionsSeen).containsExactly(ProtocolVersion.MQTT_3_1_1, ProtocolVersion.MQTT_5,
                ProtocolVersion.MQTT_5);
    }

    @Test
    void decode_incompletePacket_emitsNothingUntilMoreArrives() {
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[]{'.'}));

        assertThat(inbound()).isEmpty();
    }

    @Test
    void decode_malformedInput_emitsTheErrorAfterEarlierPacketsAndDiscardsTheRest() {
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[]{'P', 'X', 'P', 'P'}));
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[]{'P'}));

        List<Object> emitted = inbound();
        assertThat(emitted).hasSize(2);
        assertThat(emitted.get(0)).isInstanceOf(Pingreq.class);
        assertThat(emitted.get(1)).isInstanceOfSatisfying(MalformedPacketException.class,
                e -> assertThat(e.reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET));
        assertThat(versionsSeen).hasSize(2);
        assertThat(channel.isOpen()).as("the core closes, not the decoder").isTrue();
    }

    private List<Object> inbound() {
        List<Object> messages = new ArrayList<>();
        for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
            messages.add(message);
        }
        return messages;
    }

    private static MqttPacket connect(ProtocolVersion version) {
        return new Connect(version, "client", true, 60, null, null, null);
    }
}
