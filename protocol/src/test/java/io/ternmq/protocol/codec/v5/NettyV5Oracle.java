package io.ternmq.protocol.codec.v5;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.util.AttributeKey;
import java.io.ByteArrayOutputStream;

/**
 * Netty's codec-mqtt as an independent MQTT 5 oracle: it reads bytes into its own message model and writes
 * that model back out with its own encoder. The connection's version is Netty's channel attribute (which its
 * decoder also sets when it reads a CONNECT).
 */
final class NettyV5Oracle {

    /** The attribute name behind Netty's package-private MqttCodecUtil.MQTT_VERSION_KEY. */
    private static final AttributeKey<MqttVersion> VERSION = AttributeKey.valueOf("NETTY_CODEC_MQTT_VERSION");
    private static final int MAX_BYTES_IN_MESSAGE = 1 << 20;
    private static final int MAX_CLIENT_ID_LENGTH = 1 << 16;

    private NettyV5Oracle() {
    }

    /** Netty decodes the bytes, then encodes its decoded message again: the bytes as Netty understood them. */
    static byte[] decodeAndReencode(byte[] bytes) {
        EmbeddedChannel channel = new EmbeddedChannel(
                new MqttDecoder(MAX_BYTES_IN_MESSAGE, MAX_CLIENT_ID_LENGTH), MqttEncoder.INSTANCE);
        channel.attr(VERSION).set(MqttVersion.MQTT_5);
        try {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes));
            MqttMessage message = channel.readInbound();
            assertThat(message).as("Netty decoded %s", V5.hex(bytes)).isNotNull();
            assertThat(message.decoderResult().cause()).as("Netty's decoder error for %s", V5.hex(bytes)).isNull();
            channel.writeOutbound(message);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Object o = channel.readOutbound(); o != null; o = channel.readOutbound()) {
                ByteBuf buf = (ByteBuf) o;
                try {
                    out.writeBytes(ByteBufUtil.getBytes(buf));
                } finally {
                    buf.release();
                }
            }
            return out.toByteArray();
        } finally {
            channel.finishAndReleaseAll();
        }
    }
}
