package io.ternmq.bench.jmh;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.codec.PacketDecoder;
import io.ternmq.protocol.codec.PacketEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.EnumSet;
import java.util.concurrent.TimeUnit;

/**
 * Decoding and encoding one QoS 1 PUBLISH (64-byte payload) per operation, on direct buffers; a short device topic
 * and one as long as the load generator's (35 bytes).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmark {

    @Param({"MQTT_3_1_1", "MQTT_5"})
    public ProtocolVersion version;

    @Param({"site/42/temperature", "bench/fan-in-3f9a1c2b7d4e/fan-in/12"})
    public String topic;

    private final PacketDecoder decoder = new PacketDecoder(1 << 20, EnumSet.allOf(ProtocolVersion.class));
    private final PacketEncoder encoder = new PacketEncoder();
    private Publish publish;
    private ByteBuf encoded;
    private ByteBuf out;

    @Setup
    public void setUp() {
        publish = new Publish(topic, Qos.AT_LEAST_ONCE, false, false, 7, new byte[64]);
        int size = encoder.encodedSize(publish, version);
        encoded = PooledByteBufAllocator.DEFAULT.directBuffer(size);
        encoder.encode(publish, version, encoded);
        out = PooledByteBufAllocator.DEFAULT.directBuffer(size);
    }

    @TearDown
    public void tearDown() {
        encoded.release();
        out.release();
    }

    @Benchmark
    public MqttPacket decodePublish() {
        encoded.readerIndex(0);
        return decoder.decode(encoded, version);
    }

    @Benchmark
    public int encodePublish() {
        out.clear();
        encoder.encode(publish, version, out);
        return out.writerIndex();
    }

    /** What the transport does per outgoing packet: size it, then encode into an exactly sized buffer. */
    @Benchmark
    public int sizeAndEncodePublish() {
        out.clear();
        int size = encoder.encodedSize(publish, version);
        encoder.encode(publish, version, out);
        return size;
    }
}
