package io.ternmq.protocol.codec.v5;

import io.ternmq.protocol.AckProperties;
import io.ternmq.protocol.Auth;
import io.ternmq.protocol.AuthProperties;
import io.ternmq.protocol.Connack;
import io.ternmq.protocol.ConnackProperties;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.ConnectProperties;
import io.ternmq.protocol.Disconnect;
import io.ternmq.protocol.DisconnectProperties;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.PayloadFormat;
import io.ternmq.protocol.Pingreq;
import io.ternmq.protocol.Pingresp;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Puback;
import io.ternmq.protocol.Pubcomp;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.PublishProperties;
import io.ternmq.protocol.Pubrec;
import io.ternmq.protocol.Pubrel;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.ReasonCodes;
import io.ternmq.protocol.RetainHandling;
import io.ternmq.protocol.Suback;
import io.ternmq.protocol.Subscribe;
import io.ternmq.protocol.SubscribeProperties;
import io.ternmq.protocol.TopicSubscription;
import io.ternmq.protocol.Unsuback;
import io.ternmq.protocol.Unsubscribe;
import io.ternmq.protocol.UnsubscribeProperties;
import io.ternmq.protocol.UserProperty;
import io.ternmq.protocol.Will;
import io.ternmq.protocol.WillProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Valid random MQTT 5 packets of every type from a seeded Random, each property present or absent at random,
 * with values across their whole range (four-byte integers up to 0xFFFFFFFF, variable byte integers of one to
 * four bytes) and strings that mix one- to four-byte UTF-8 characters.
 */
public final class RandomV5Packets {

    private static final String[] CHARS = {"a", "b", "Z", "0", " ", "-", "\u00e9", "\u20ac", "\u6f22", "\uFEFF",
        "\uD83D\uDE00"};
    private static final int[] VBI_BOUNDS = {1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, 268_435_455};

    private final Random random;

    public RandomV5Packets(Random random) {
        this.random = random;
    }

    public MqttPacket of(PacketType type) {
        return switch (type) {
            case CONNECT -> connect();
            case CONNACK -> {
                ReasonCode code = reasonCode(PacketType.CONNACK);
                yield new Connack(code == ReasonCode.SUCCESS && random.nextBoolean(), code, connackProperties());
            }
            case PUBLISH -> publish();
            case PUBACK -> new Puback(packetId(), reasonCode(PacketType.PUBACK), ack());
            case PUBREC -> new Pubrec(packetId(), reasonCode(PacketType.PUBREC), ack());
            case PUBREL -> new Pubrel(packetId(), reasonCode(PacketType.PUBREL), ack());
            case PUBCOMP -> new Pubcomp(packetId(), reasonCode(PacketType.PUBCOMP), ack());
            case SUBSCRIBE -> new Subscribe(packetId(), list(1, 4, this::subscription),
                    new SubscribeProperties(maybe(() -> vbi()), users()));
            case SUBACK -> new Suback(packetId(), list(1, 5, () -> reasonCode(PacketType.SUBACK).value()), ack());
            case UNSUBSCRIBE -> new Unsubscribe(packetId(), list(1, 4, () -> text(1, 8)),
                    new UnsubscribeProperties(users()));
            case UNSUBACK -> new Unsuback(packetId(), list(1, 5, () -> reasonCode(PacketType.UNSUBACK).value()), ack());
            case PINGREQ -> Pingreq.INSTANCE;
            case PINGRESP -> Pingresp.INSTANCE;
            case DISCONNECT -> new Disconnect(reasonCode(PacketType.DISCONNECT), new DisconnectProperties(
                    maybe(this::fourByte), maybe(() -> text(0, 10)), users(), maybe(() -> text(0, 10))));
            case AUTH -> new Auth(reasonCode(PacketType.AUTH), new AuthProperties(maybe(() -> text(1, 10)),
                    maybe(() -> bytes(10)), maybe(() -> text(0, 10)), users()));
        };
    }

    private Connect connect() {
        Will will = random.nextBoolean() ? null : new Will(text(1, 10), bytes(20), qos(), random.nextBoolean(),
                new WillProperties(maybe(this::fourByte), maybe(this::payloadFormat), maybe(this::fourByte),
                        maybe(() -> text(0, 10)), maybe(() -> text(1, 10)), maybe(() -> bytes(10)), users()));
        ConnectProperties properties = new ConnectProperties(maybe(this::fourByte), maybe(this::nonZeroShort),
                maybe(() -> 1 + (fourByte() >>> 1)), maybe(this::twoByte), maybe(random::nextBoolean),
                maybe(random::nextBoolean), maybe(() -> text(1, 10)), maybe(() -> bytes(10)), users());
        return new Connect(ProtocolVersion.MQTT_5, text(0, 23), random.nextBoolean(), twoByte(),
                maybe(() -> text(0, 10)), maybe(() -> bytes(10)), will, properties);
    }

    private ConnackProperties connackProperties() {
        return new ConnackProperties(maybe(this::fourByte), maybe(this::nonZeroShort),
                maybe(() -> random.nextBoolean() ? Qos.AT_MOST_ONCE : Qos.AT_LEAST_ONCE), maybe(random::nextBoolean),
                maybe(() -> 1 + (fourByte() >>> 1)), maybe(() -> text(1, 23)), maybe(this::twoByte),
                maybe(() -> text(0, 20)), users(), maybe(random::nextBoolean), maybe(random::nextBoolean),
                maybe(random::nextBoolean), maybe(this::twoByte), maybe(() -> text(0, 10)), maybe(() -> text(0, 10)),
                maybe(() -> text(1, 10)), maybe(() -> bytes(10)));
    }

    private Publish publish() {
        Qos qos = qos();
        Integer alias = maybe(this::nonZeroShort);
        // an empty topic is valid only with a topic alias
        String topic = alias != null && random.nextBoolean() ? "" : text(1, 12);
        PublishProperties properties = new PublishProperties(maybe(this::payloadFormat), maybe(this::fourByte),
                alias, maybe(() -> text(1, 10)), maybe(() -> bytes(16)), users(), list(0, 3, this::vbi),
                maybe(() -> text(0, 10)));
        return new Publish(topic, qos, random.nextBoolean(), qos != Qos.AT_MOST_ONCE && random.nextBoolean(),
                qos == Qos.AT_MOST_ONCE ? 0 : packetId(), bytes(40), properties);
    }

    private TopicSubscription subscription() {
        return new TopicSubscription(text(1, 8), qos(), random.nextBoolean(), random.nextBoolean(),
                RetainHandling.values()[random.nextInt(3)]);
    }

    private AckProperties ack() {
        return random.nextBoolean() ? AckProperties.EMPTY : new AckProperties(maybe(() -> text(0, 20)), users());
    }

    private List<UserProperty> users() {
        return list(0, random.nextInt(4) == 0 ? 4 : 0, () -> new UserProperty(text(0, 6), text(0, 6)));
    }

    private ReasonCode reasonCode(PacketType type) {
        List<ReasonCode> allowed = new ArrayList<>();
        for (ReasonCode code : ReasonCode.values()) {
            if (ReasonCodes.allowedIn(type, code.value())) {
                allowed.add(code);
            }
        }
        return random.nextBoolean() ? ReasonCode.SUCCESS : allowed.get(random.nextInt(allowed.size()));
    }

    private <T> @Nullable T maybe(Supplier<T> value) {
        return random.nextBoolean() ? value.get() : null;
    }

    private <T> List<T> list(int min, int max, Supplier<T> element) {
        int n = min + random.nextInt(max - min + 1);
        List<T> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(element.get());
        }
        return list;
    }

    private String text(int min, int max) {
        int n = min + random.nextInt(max - min + 1);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(CHARS[random.nextInt(CHARS.length)]);
        }
        return s.toString();
    }

    private byte[] bytes(int max) {
        byte[] bytes = new byte[random.nextInt(max + 1)];
        random.nextBytes(bytes);
        return bytes;
    }

    private Qos qos() {
        return Qos.values()[random.nextInt(3)];
    }

    private PayloadFormat payloadFormat() {
        return PayloadFormat.values()[random.nextInt(2)];
    }

    private int packetId() {
        return 1 + random.nextInt(0xFFFF);
    }

    private int twoByte() {
        return random.nextInt(0x10000);
    }

    private int nonZeroShort() {
        return 1 + random.nextInt(0xFFFF);
    }

    private long fourByte() {
        return random.nextBoolean() ? 0xFFFF_FFFFL : random.nextLong(0x1_0000_0000L);
    }

    private int vbi() {
        return random.nextBoolean() ? VBI_BOUNDS[random.nextInt(VBI_BOUNDS.length)] : 1 + random.nextInt(1 << 20);
    }
}
