package io.ternmq.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnAckVariableHeader;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectPayload;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageFactory;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttSubscribePayload;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.handler.codec.mqtt.MqttUnsubscribePayload;
import io.netty.util.ReferenceCountUtil;
import io.ternmq.protocol.Auth;
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
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.Suback;
import io.ternmq.protocol.Subscribe;
import io.ternmq.protocol.TopicSubscription;
import io.ternmq.protocol.Unsuback;
import io.ternmq.protocol.Unsubscribe;
import io.ternmq.protocol.Will;
import java.util.List;

/**
 * Netty's codec-mqtt as an independent oracle: it encodes and decodes through an EmbeddedChannel, and this
 * class translates between its message classes and our packet records.
 */
final class NettyOracle {

    private static final int MAX_BYTES_IN_MESSAGE = 1 << 20;
    private static final int MAX_CLIENT_ID_LENGTH = 23;

    private NettyOracle() {
    }

    /** Netty's encoding of our packet. */
    static byte[] encode(MqttPacket packet) {
        EmbeddedChannel channel = new EmbeddedChannel(MqttEncoder.INSTANCE);
        try {
            assertThat(channel.writeOutbound(toNetty(packet))).isTrue();
            ByteBuf out = channel.readOutbound();
            try {
                return ByteBufUtil.getBytes(out);
            } finally {
                out.release();
            }
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    /** Netty's reading of the bytes, as our packet. */
    static MqttPacket decode(byte[] bytes, ProtocolVersion version) {
        EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder(MAX_BYTES_IN_MESSAGE, MAX_CLIENT_ID_LENGTH));
        try {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes));
            MqttMessage message = channel.readInbound();
            try {
                assertThat(message).as("Netty decoded %s", Hex.of(bytes)).isNotNull();
                assertThat(message.decoderResult().cause()).as("Netty's decoder error").isNull();
                return fromNetty(message, version);
            } finally {
                ReferenceCountUtil.release(message);
            }
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    private static MqttMessage toNetty(MqttPacket packet) {
        return switch (packet) {
            case Connect p -> connect(p);
            case Connack p -> MqttMessageFactory.newMessage(header(MqttMessageType.CONNACK, MqttQoS.AT_MOST_ONCE),
                    new MqttConnAckVariableHeader(MqttConnectReturnCode.valueOf((byte) p.returnCode()),
                            p.sessionPresent()), null);
            case Publish p -> new MqttPublishMessage(
                    new MqttFixedHeader(MqttMessageType.PUBLISH, p.dup(), MqttQoS.valueOf(p.qos().value()), p.retain(),
                            0),
                    new MqttPublishVariableHeader(p.topic(), p.packetId()), Unpooled.wrappedBuffer(p.payload()));
            case Puback p -> idOnly(MqttMessageType.PUBACK, MqttQoS.AT_MOST_ONCE, p.packetId());
            case Pubrec p -> idOnly(MqttMessageType.PUBREC, MqttQoS.AT_MOST_ONCE, p.packetId());
            case Pubrel p -> idOnly(MqttMessageType.PUBREL, MqttQoS.AT_LEAST_ONCE, p.packetId());
            case Pubcomp p -> idOnly(MqttMessageType.PUBCOMP, MqttQoS.AT_MOST_ONCE, p.packetId());
            case Subscribe p -> new MqttSubscribeMessage(header(MqttMessageType.SUBSCRIBE, MqttQoS.AT_LEAST_ONCE),
                    MqttMessageIdVariableHeader.from(p.packetId()), new MqttSubscribePayload(p.subscriptions().stream()
                            .map(s -> new MqttTopicSubscription(s.topicFilter(), MqttQoS.valueOf(s.qos().value())))
                            .toList()));
            case Suback p -> new MqttSubAckMessage(header(MqttMessageType.SUBACK, MqttQoS.AT_MOST_ONCE),
                    MqttMessageIdVariableHeader.from(p.packetId()), new MqttSubAckPayload(p.returnCodes()));
            case Unsubscribe p -> new MqttUnsubscribeMessage(
                    header(MqttMessageType.UNSUBSCRIBE, MqttQoS.AT_LEAST_ONCE),
                    MqttMessageIdVariableHeader.from(p.packetId()), new MqttUnsubscribePayload(p.topicFilters()));
            case Unsuback p -> idOnly(MqttMessageType.UNSUBACK, MqttQoS.AT_MOST_ONCE, p.packetId());
            case Pingreq p -> new MqttMessage(header(MqttMessageType.PINGREQ, MqttQoS.AT_MOST_ONCE));
            case Pingresp p -> new MqttMessage(header(MqttMessageType.PINGRESP, MqttQoS.AT_MOST_ONCE));
            case Disconnect p -> new MqttMessage(header(MqttMessageType.DISCONNECT, MqttQoS.AT_MOST_ONCE));
            case Auth p -> throw new AssertionError("no AUTH before MQTT 5");
        };
    }

    private static MqttMessage connect(Connect p) {
        Will will = p.will();
        MqttConnectVariableHeader variableHeader = new MqttConnectVariableHeader(p.version().protocolName(),
                p.version().level(), p.username() != null, p.password() != null, will != null && will.retain(),
                will == null ? 0 : will.qos().value(), will != null, p.cleanSession(), p.keepAliveSeconds());
        MqttConnectPayload payload = new MqttConnectPayload(p.clientId(), will == null ? null : will.topic(),
                will == null ? null : will.payload(), p.username(), p.password());
        return new MqttConnectMessage(header(MqttMessageType.CONNECT, MqttQoS.AT_MOST_ONCE), variableHeader, payload);
    }

    private static MqttMessage idOnly(MqttMessageType type, MqttQoS qos, int packetId) {
        return MqttMessageFactory.newMessage(header(type, qos), MqttMessageIdVariableHeader.from(packetId), null);
    }

    private static MqttFixedHeader header(MqttMessageType type, MqttQoS qos) {
        return new MqttFixedHeader(type, false, qos, false, 0);
    }

    private static MqttPacket fromNetty(MqttMessage message, ProtocolVersion version) {
        MqttFixedHeader fixed = message.fixedHeader();
        return switch (fixed.messageType()) {
            case CONNECT -> connect((MqttConnectMessage) message);
            case CONNACK -> {
                MqttConnAckVariableHeader header = ((MqttConnAckMessage) message).variableHeader();
                yield new Connack(header.isSessionPresent() && version != ProtocolVersion.MQTT_3_1,
                        header.connectReturnCode().byteValue() & 0xff);
            }
            case PUBLISH -> {
                MqttPublishMessage publish = (MqttPublishMessage) message;
                Qos qos = Qos.fromValue(fixed.qosLevel().value());
                yield new Publish(publish.variableHeader().topicName(), qos, fixed.isRetain(), fixed.isDup(),
                        qos == Qos.AT_MOST_ONCE ? 0 : publish.variableHeader().packetId(),
                        ByteBufUtil.getBytes(publish.payload()));
            }
            case PUBACK -> new Puback(messageId(message));
            case PUBREC -> new Pubrec(messageId(message));
            case PUBREL -> new Pubrel(messageId(message));
            case PUBCOMP -> new Pubcomp(messageId(message));
            case SUBSCRIBE -> new Subscribe(messageId(message),
                    ((MqttSubscribeMessage) message).payload().topicSubscriptions().stream()
                            .map(s -> new TopicSubscription(s.topicFilter(),
                                    Qos.fromValue(s.qualityOfService().value())))
                            .toList());
            case SUBACK -> new Suback(messageId(message), ((MqttSubAckMessage) message).payload().reasonCodes());
            case UNSUBSCRIBE -> new Unsubscribe(messageId(message),
                    ((MqttUnsubscribeMessage) message).payload().topics());
            case UNSUBACK -> new Unsuback(messageId(message));
            case PINGREQ -> Pingreq.INSTANCE;
            case PINGRESP -> Pingresp.INSTANCE;
            case DISCONNECT -> Disconnect.INSTANCE;
            case AUTH -> throw new AssertionError("no AUTH before MQTT 5");
        };
    }

    private static Connect connect(MqttConnectMessage message) {
        MqttConnectVariableHeader header = message.variableHeader();
        MqttConnectPayload payload = message.payload();
        ProtocolVersion version = List.of(ProtocolVersion.values()).stream()
                .filter(v -> v.level() == header.version() && v.protocolName().equals(header.name()))
                .findFirst().orElseThrow();
        Will will = header.isWillFlag() ? new Will(payload.willTopic(), payload.willMessageInBytes(),
                Qos.fromValue(header.willQos()), header.isWillRetain()) : null;
        return new Connect(version, payload.clientIdentifier(), header.isCleanSession(),
                header.keepAliveTimeSeconds(), header.hasUserName() ? payload.userName() : null,
                header.hasPassword() ? payload.passwordInBytes() : null, will);
    }

    private static int messageId(MqttMessage message) {
        return ((MqttMessageIdVariableHeader) message.variableHeader()).messageId();
    }
}
