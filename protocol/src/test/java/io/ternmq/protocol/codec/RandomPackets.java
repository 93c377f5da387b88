package io.ternmq.protocol.codec;

import io.ternmq.protocol.Connack;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.Disconnect;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.PacketType;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Valid random packets of every 3.1/3.1.1 type from a seeded Random: strings mix ASCII with two-, three- and
 * four-byte characters, lengths cross the remaining length byte boundaries now and then.
 */
final class RandomPackets {

    private static final PacketType[] TYPES = {
        PacketType.CONNECT, PacketType.CONNACK, PacketType.PUBLISH, PacketType.PUBACK, PacketType.PUBREC,
        PacketType.PUBREL, PacketType.PUBCOMP, PacketType.SUBSCRIBE, PacketType.SUBACK, PacketType.UNSUBSCRIBE,
        PacketType.UNSUBACK, PacketType.PINGREQ, PacketType.PINGRESP, PacketType.DISCONNECT};
    private static final String[] CHARS = {"a", "b", "Z", "0", " ", "$", "-", "\u00e9", "\u00df", "\u20ac",
        "\u6f22", "\uFEFF", "\uD83D\uDE00", "\uD834\uDD1E"};
    private static final int[] SUBACK_CODES = {0, 1, 2, Suback.FAILURE};

    private final Random random;

    RandomPackets(Random random) {
        this.random = random;
    }

    ProtocolVersion version() {
        return random.nextInt(4) == 0 ? ProtocolVersion.MQTT_3_1 : ProtocolVersion.MQTT_3_1_1;
    }

    MqttPacket next(ProtocolVersion version) {
        return of(TYPES[random.nextInt(TYPES.length)], version);
    }

    static List<PacketType> types() {
        return List.of(TYPES);
    }

    MqttPacket of(PacketType type, ProtocolVersion version) {
        return switch (type) {
            case CONNECT -> connect(version);
            case CONNACK -> connack(version);
            case PUBLISH -> publish();
            case PUBACK -> new Puback(packetId());
            case PUBREC -> new Pubrec(packetId());
            case PUBREL -> new Pubrel(packetId());
            case PUBCOMP -> new Pubcomp(packetId());
            case SUBSCRIBE -> subscribe();
            case SUBACK -> suback();
            case UNSUBSCRIBE -> unsubscribe();
            case UNSUBACK -> new Unsuback(packetId());
            case PINGREQ -> Pingreq.INSTANCE;
            case PINGRESP -> Pingresp.INSTANCE;
            case DISCONNECT -> Disconnect.INSTANCE;
            case AUTH -> throw new IllegalArgumentException("no AUTH before MQTT 5");
        };
    }

    private Connect connect(ProtocolVersion version) {
        // Netty's 3.1 codec wants 1 to 23 UTF-16 chars (11 code points stay within); 3.1.1 allows empty ids.
        String clientId = version == ProtocolVersion.MQTT_3_1
                ? text(1 + random.nextInt(11)) : text(random.nextInt(30));
        Will will = random.nextBoolean() ? null
                : new Will(topicName(), bytes(random.nextInt(50)), qos(), random.nextBoolean());
        String userName = random.nextBoolean() ? text(random.nextInt(20)) : null;
        byte[] password = userName != null && random.nextBoolean() ? bytes(random.nextInt(20)) : null;
        return new Connect(version, clientId, random.nextBoolean(), random.nextInt(65_536), userName, password, will);
    }

    private Connack connack(ProtocolVersion version) {
        int code = random.nextInt(3) == 0 ? 1 + random.nextInt(5) : 0;
        boolean sessionPresent = code == 0 && version != ProtocolVersion.MQTT_3_1 && random.nextBoolean();
        return new Connack(sessionPresent, code);
    }

    private Publish publish() {
        Qos qos = qos();
        boolean dup = qos != Qos.AT_MOST_ONCE && random.nextBoolean();
        int packetId = qos == Qos.AT_MOST_ONCE ? 0 : packetId();
        int payloadLength = switch (random.nextInt(20)) {
            case 0 -> 0;
            case 1 -> 16_384 + random.nextInt(20_000);
            default -> random.nextInt(300);
        };
        return new Publish(topicName(), qos, random.nextBoolean(), dup, packetId, bytes(payloadLength));
    }

    private Subscribe subscribe() {
        List<TopicSubscription> subscriptions = new ArrayList<>();
        int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            subscriptions.add(new TopicSubscription(topicFilter(), qos()));
        }
        return new Subscribe(packetId(), subscriptions);
    }

    private Suback suback() {
        List<Integer> codes = new ArrayList<>();
        int count = 1 + random.nextInt(random.nextInt(10) == 0 ? 200 : 5);
        for (int i = 0; i < count; i++) {
            codes.add(SUBACK_CODES[random.nextInt(SUBACK_CODES.length)]);
        }
        return new Suback(packetId(), codes);
    }

    private Unsubscribe unsubscribe() {
        List<String> filters = new ArrayList<>();
        int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            filters.add(topicFilter());
        }
        return new Unsubscribe(packetId(), filters);
    }

    String topicName() {
        StringBuilder topic = new StringBuilder();
        int levels = 1 + random.nextInt(5);
        for (int i = 0; i < levels; i++) {
            if (i > 0) {
                topic.append('/');
            }
            topic.append(text(random.nextInt(8)));
        }
        return topic.isEmpty() ? "t" : topic.toString();
    }

    String topicFilter() {
        StringBuilder filter = new StringBuilder();
        int levels = 1 + random.nextInt(5);
        for (int i = 0; i < levels; i++) {
            if (i > 0) {
                filter.append('/');
            }
            filter.append(random.nextInt(4) == 0 ? "+" : text(random.nextInt(8)));
        }
        if (random.nextInt(4) == 0) {
            filter.append(filter.isEmpty() ? "#" : "/#");
        }
        return filter.isEmpty() ? "#" : filter.toString();
    }

    private String text(int codePoints) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            boolean special = random.nextInt(3) == 0;
            text.append(special ? CHARS[random.nextInt(CHARS.length)] : (char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private int packetId() {
        return 1 + random.nextInt(65_535);
    }

    private Qos qos() {
        return Qos.fromValue(random.nextInt(3));
    }
}
