package io.ternmq.e2e.robustness;

import io.ternmq.e2e.robustness.HostileCase.Ending;
import io.ternmq.e2e.robustness.HostileCase.Kind;
import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Hex;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.Retain;
import io.ternmq.testkit.SessionPresent;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Hostile connections from a seeded Random. Topics stay under {@code fuzz/} so that no case reaches the
 * well-behaved client's topic. The broker under test accepts at most {@link #MAX_PACKET_SIZE} bytes per packet.
 */
final class HostileCases {

    static final int MAX_PACKET_SIZE = 4 * 1024;

    private static final byte[] CONNACK_ACCEPTED = Packets.connack(SessionPresent.NO, 0);
    private static final byte[] CONNACK_BAD_LEVEL = Packets.connack(SessionPresent.NO, 1);
    private static final byte[] NOTHING = new byte[0];
    /**
     * Ill-formed UTF-8 [MQTT-1.5.3-1]: a lone continuation byte, a surrogate, an overlong '/', a 5-byte form, a
     * broken pair; and U+0000 [MQTT-1.5.3-2].
     */
    private static final byte[][] BAD_UTF8 = {
        {(byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF},
        {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {0x61, 0x00, 0x62}, {(byte) 0xC3, 0x28}};
    private static final Kind[] KINDS = Kind.values();

    private final Random random;
    private final String clientPrefix;
    private int sequence;

    HostileCases(Random random, String clientPrefix) {
        this.random = random;
        this.clientPrefix = clientPrefix;
    }

    HostileCase next() {
        Kind kind = KINDS[random.nextInt(KINDS.length)];
        return switch (kind) {
            case RANDOM_BYTES -> randomBytes();
            case MUTATED_PACKETS -> new HostileCase(kind, flipBits(validSession()), NOTHING, Ending.CLIENT_HALF_CLOSES);
            case TRUNCATED_PACKETS -> truncated();
            case HUGE_LENGTH -> hugeLength();
            case INVALID_UTF8_TOPIC -> new HostileCase(kind, Hex.concat(connect(), Packets.publishRawTopic(
                    Hex.concat("fuzz/".getBytes(StandardCharsets.UTF_8), badUtf8()), 0, Retain.NO, Dup.NO, 0,
                    new byte[] {1})), CONNACK_ACCEPTED, Ending.BROKER_CLOSES_AFTER_REPLY);
            case INVALID_UTF8_CLIENT_ID -> new HostileCase(kind,
                    Packets.connectBuilderRawId(badUtf8()).build(), NOTHING, Ending.BROKER_CLOSES_AFTER_REPLY);
            case PACKET_ID_ABUSE -> packetIdAbuse();
            case SUBSCRIBE_FLOOD -> subscribeFlood();
            case BAD_PROTOCOL_LEVEL -> badLevel();
            // random property bytes are nearly always malformed (closed without a reply [MQTT-4.13.1-1]), but an
            // empty or lucky property list is a valid CONNECT the broker accepts: the client ends that one
            case MQTT5_PROPERTY_ABUSE -> new HostileCase(kind, mqtt5Connect(), NOTHING, Ending.CLIENT_HALF_CLOSES);
        };
    }

    /** Garbage whose first byte is not a CONNECT: closed without a reply [MQTT-3.1.0-1], at once or by the timeout. */
    private HostileCase randomBytes() {
        byte[] bytes = new byte[1 + random.nextInt(300)];
        random.nextBytes(bytes);
        while ((bytes[0] & 0xF0) == 0x10) {
            bytes[0] = (byte) random.nextInt(256);
        }
        return new HostileCase(Kind.RANDOM_BYTES, bytes, NOTHING, Ending.BROKER_CLOSES_AFTER_REPLY);
    }

    private HostileCase truncated() {
        byte[] session = validSession();
        return new HostileCase(Kind.TRUNCATED_PACKETS, Arrays.copyOf(session, 1 + random.nextInt(session.length - 1)),
                NOTHING, Ending.CLIENT_HALF_CLOSES);
    }

    /** A remaining length over the broker's maximum (or one of five bytes) is refused before its body arrives. */
    private HostileCase hugeLength() {
        byte[] header = random.nextInt(4) == 0
                ? new byte[] {0x30, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F} // 5 length bytes
                : Hex.concat(new byte[] {(byte) (0x30 | random.nextInt(2) << 1)},
                        Packets.remainingLength(MAX_PACKET_SIZE + random.nextInt(268_435_455 - MAX_PACKET_SIZE)));
        byte[] someBody = new byte[random.nextInt(64)];
        random.nextBytes(someBody);
        return new HostileCase(Kind.HUGE_LENGTH, Hex.concat(connect(), header, someBody), CONNACK_ACCEPTED,
                Ending.BROKER_CLOSES_AFTER_REPLY);
    }

    /**
     * Acknowledgements of packet ids never used, packet ids reused, then a packet with packet id 0, which must
     * close the connection [MQTT-2.3.1-1]. Replies to the legal part come first, so only their start is fixed.
     */
    private HostileCase packetIdAbuse() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(connect());
        int reused = 1 + random.nextInt(65_535);
        for (int i = 0; i < 1 + random.nextInt(20); i++) {
            int id = random.nextBoolean() ? reused : 1 + random.nextInt(65_535);
            out.writeBytes(switch (random.nextInt(6)) {
                case 0 -> Packets.puback(id);
                case 1 -> Packets.pubrec(id);
                case 2 -> Packets.pubrel(id);
                case 3 -> Packets.pubcomp(id);
                case 4 -> Packets.publish("fuzz/ids", 1, Retain.NO, Dup.NO, id, "q1");
                default -> Packets.publish("fuzz/ids", 2, Retain.NO, Dup.NO, id, "q2");
            });
        }
        out.writeBytes(switch (random.nextInt(3)) {
            case 0 -> Packets.publish("fuzz/ids", 1 + random.nextInt(2), Retain.NO, Dup.NO, 0, "zero");
            case 1 -> Packets.subscribe(0, "fuzz/ids", 0);
            default -> Packets.unsubscribe(0, "fuzz/ids");
        });
        return new HostileCase(Kind.PACKET_ID_ABUSE, out.toByteArray(), CONNACK_ACCEPTED, Ending.BROKER_CLOSES);
    }

    /** Hundreds of SUBSCRIBEs in one write: each gets its SUBACK, in order, then DISCONNECT ends the connection. */
    private HostileCase subscribeFlood() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        out.writeBytes(connect());
        reply.writeBytes(CONNACK_ACCEPTED);
        int count = 50 + random.nextInt(250);
        for (int id = 1; id <= count; id++) {
            int qos = random.nextInt(3);
            String filter = "fuzz/flood/" + random.nextInt(1_000) + (random.nextBoolean() ? "/+" : "/#");
            out.writeBytes(Packets.subscribe(id, filter, qos));
            reply.writeBytes(Packets.suback(id, qos));
        }
        out.writeBytes(Packets.disconnect());
        return new HostileCase(Kind.SUBSCRIBE_FLOOD, out.toByteArray(), reply.toByteArray(),
                Ending.BROKER_CLOSES_AFTER_REPLY);
    }

    /** "MQTT" with a level other than 4 and 5: CONNACK 0x01, then close [MQTT-3.1.2-2]. */
    private HostileCase badLevel() {
        int level;
        do {
            level = random.nextInt(256);
        } while (level == 4 || level == 5);
        byte[] connect = Packets.connectBuilder(clientId()).protocol("MQTT", level).build();
        return new HostileCase(Kind.BAD_PROTOCOL_LEVEL, connect, CONNACK_BAD_LEVEL, Ending.BROKER_CLOSES_AFTER_REPLY);
    }

    /**
     * An MQTT 5 CONNECT whose properties are abused (random ids, duplicates, a property length that lies): the
     * broker refuses 5.0 for now, so CONNACK 0x01 then close, whatever the properties say.
     */
    private byte[] mqtt5Connect() {
        byte[] properties = new byte[random.nextInt(40)];
        random.nextBytes(properties);
        int claimedLength = random.nextBoolean() ? properties.length : random.nextInt(1 << 20);
        byte[] variableHeader = Hex.concat(Packets.string("MQTT"), new byte[] {5, 0x02, 0, 60},
                Packets.remainingLength(claimedLength), properties);
        return Packets.packet(0x10, variableHeader, Packets.string(clientId()));
    }

    /** A valid CONNECT followed by a few valid packets of several types. */
    private byte[] validSession() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(connect());
        for (int i = 0; i < 1 + random.nextInt(5); i++) {
            int id = 1 + random.nextInt(65_535);
            out.writeBytes(switch (random.nextInt(6)) {
                case 0 -> Packets.publish("fuzz/m/" + random.nextInt(100), random.nextInt(3), Retain.NO, Dup.NO,
                        id, "payload-" + i);
                case 1 -> Packets.subscribe(id, "fuzz/m/+", random.nextInt(3));
                case 2 -> Packets.unsubscribe(id, "fuzz/m/+");
                case 3 -> Packets.puback(id);
                case 4 -> Packets.pingreq();
                default -> Packets.pubrel(id);
            });
        }
        return out.toByteArray();
    }

    private byte[] flipBits(byte[] bytes) {
        for (int i = 0; i < 1 + random.nextInt(4); i++) {
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return bytes;
    }

    private byte[] badUtf8() {
        return BAD_UTF8[random.nextInt(BAD_UTF8.length)];
    }

    private byte[] connect() {
        return Packets.connect(clientId(), CleanSession.YES, 60);
    }

    /** Unique, and far from every other id in bits, so that a flipped bit cannot take another case's session over. */
    private String clientId() {
        return clientPrefix + "-" + sequence++ + "-" + Long.toHexString(random.nextLong());
    }
}
