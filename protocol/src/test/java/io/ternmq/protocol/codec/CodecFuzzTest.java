package io.ternmq.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.ternmq.protocol.MalformedPacketException;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.codec.v5.RandomV5Packets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A large seeded fuzz run of the decoder: mutated valid packets of every type in 3.1, 3.1.1 and 5.0 (bit flips,
 * changed bytes, cuts, forged remaining lengths, spliced packets) and plain random bytes. Each input must decode
 * to packets, ask for more bytes, or throw {@link MalformedPacketException}; nothing else. The decoder must
 * neither release nor retain the buffer it reads. The normal suite runs 20,000 cases; the issue-9 run is
 * {@code mvn -pl protocol test -Dtest=CodecFuzzTest -Dternmq.fuzz.cases=1000000} (seed: -Dternmq.fuzz.seed).
 */
class CodecFuzzTest {

    private static final int CASES = Integer.getInteger("ternmq.fuzz.cases", 20_000);
    private static final long SEED = Long.getLong("ternmq.fuzz.seed", 0x9_F0_22L);
    private static final PacketDecoder V311_DECODER = new PacketDecoder(1 << 20);
    private static final PacketDecoder ALL_VERSIONS_DECODER =
            new PacketDecoder(1 << 20, EnumSet.allOf(ProtocolVersion.class));
    private static final PacketType[] V5_TYPES = PacketType.values();
    private static final ByteBufAllocator POOLED = PooledByteBufAllocator.DEFAULT;

    private enum Outcome { DECODED, NEEDS_MORE, MALFORMED }

    private final Random random = new Random(SEED);
    private final RandomPackets v3Packets = new RandomPackets(random);
    private final RandomV5Packets v5Packets = new RandomV5Packets(random);
    private final int[] outcomes = new int[Outcome.values().length];

    @Test
    void decode_fuzzedInput_givesPacketsOrNeedsMoreOrMalformedAndKeepsTheBuffer() {
        long started = System.nanoTime();
        for (int i = 0; i < CASES; i++) {
            ProtocolVersion version = version();
            byte[] input = input(version);
            outcomes[decode(i, input, version).ordinal()]++;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("codec fuzz: %d cases (seed %#x) in %d ms: %d decoded, %d needed more bytes, "
                        + "%d malformed, 0 other failures%n", CASES, SEED, millis,
                outcomes[Outcome.DECODED.ordinal()], outcomes[Outcome.NEEDS_MORE.ordinal()],
                outcomes[Outcome.MALFORMED.ordinal()]);
        assertThat(outcomes[Outcome.MALFORMED.ordinal()]).as("inputs caught as malformed").isGreaterThan(CASES / 10);
        assertThat(outcomes[Outcome.DECODED.ordinal()]).as("inputs that still decode").isGreaterThan(CASES / 20);
    }

    private ProtocolVersion version() {
        return switch (random.nextInt(4)) {
            case 0 -> ProtocolVersion.MQTT_3_1;
            case 1 -> ProtocolVersion.MQTT_3_1_1;
            default -> ProtocolVersion.MQTT_5;
        };
    }

    private byte[] input(ProtocolVersion version) {
        return switch (random.nextInt(8)) {
            case 0 -> randomBytes(1 + random.nextInt(random.nextBoolean() ? 8 : 200));
            case 1 -> cut(valid(version));
            case 2 -> forgedLength(valid(version));
            case 3 -> concat(valid(version), changed(valid(version)));
            case 4 -> changed(valid(version));
            default -> flipped(valid(version));
        };
    }

    private byte[] valid(ProtocolVersion version) {
        MqttPacket packet = version == ProtocolVersion.MQTT_5
                ? v5Packets.of(V5_TYPES[random.nextInt(V5_TYPES.length)]) : v3Packets.next(version);
        ByteBuf out = Unpooled.buffer();
        try {
            Codec.ENCODER.encode(packet, version, out);
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            return bytes;
        } finally {
            out.release();
        }
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] flipped(byte[] bytes) {
        int flips = 1 + random.nextInt(4);
        for (int f = 0; f < flips; f++) {
            // headers and lengths are near the front: aim there more often
            int bound = random.nextBoolean() ? Math.min(bytes.length, 16) : bytes.length;
            int index = random.nextInt(bound);
            bytes[index] ^= (byte) (1 << random.nextInt(8));
        }
        return bytes;
    }

    private byte[] changed(byte[] bytes) {
        int changes = 1 + random.nextInt(3);
        for (int c = 0; c < changes; c++) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private byte[] cut(byte[] bytes) {
        return Arrays.copyOf(bytes, random.nextInt(bytes.length));
    }

    /** Replaces the remaining length with a random one of 1..5 bytes, often far larger than the body. */
    private byte[] forgedLength(byte[] bytes) {
        int lengthBytes = 1;
        while (lengthBytes < bytes.length - 1 && (bytes[lengthBytes] & 0x80) != 0) {
            lengthBytes++;
        }
        byte[] forged = randomBytes(1 + random.nextInt(5));
        for (int i = 0; i < forged.length - 1; i++) {
            forged[i] |= (byte) 0x80;
        }
        if (random.nextBoolean()) {
            forged[forged.length - 1] &= 0x7F;
        }
        byte[] result = new byte[1 + forged.length + bytes.length - 1 - lengthBytes];
        result[0] = bytes[0];
        System.arraycopy(forged, 0, result, 1, forged.length);
        System.arraycopy(bytes, 1 + lengthBytes, result, 1 + forged.length, bytes.length - 1 - lengthBytes);
        return result;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] result = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, result, first.length, second.length);
        return result;
    }

    private ByteBuf buffer(byte[] input) {
        return switch (random.nextInt(3)) {
            case 0 -> Unpooled.wrappedBuffer(input);
            case 1 -> POOLED.directBuffer(input.length).writeBytes(input);
            default -> POOLED.heapBuffer(input.length).writeBytes(input);
        };
    }

    /** Decodes packets until the input runs out, a packet is incomplete or the input is malformed. */
    private Outcome decode(int index, byte[] input, ProtocolVersion version) {
        PacketDecoder decoder = version == ProtocolVersion.MQTT_5 || random.nextInt(4) != 0
                ? ALL_VERSIONS_DECODER : V311_DECODER;
        ByteBuf in = buffer(input);
        try {
            while (true) {
                int before = in.readerIndex();
                MqttPacket packet = decoder.decode(in, version);
                if (packet == null) {
                    assertThat(in.readerIndex()).as("reader index after asking for more").isEqualTo(before);
                    return Outcome.NEEDS_MORE;
                }
                assertThat(in.readerIndex()).as("bytes consumed by a packet").isGreaterThan(before);
                if (!in.isReadable()) {
                    return Outcome.DECODED;
                }
            }
        } catch (MalformedPacketException e) {
            assertThat(e.getMessage()).isNotBlank();
            return Outcome.MALFORMED;
        } catch (RuntimeException | Error e) {
            return fail("case %d (seed %#x, %s): %s on %s", index, SEED, version, e,
                    HexFormat.ofDelimiter(" ").formatHex(input), e);
        } finally {
            assertThat(in.refCnt()).as("reference count of the input after decoding").isEqualTo(1);
            in.release();
        }
    }
}
