package io.ternmq.core;

import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * One QoS 1 delivery through a session's {@link OutboundFlow} and its PUBACK, with {@code window} messages in
 * flight as a subscriber that keeps up has them (64: the default window): each operation completes the oldest
 * and sends one message.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OutboundFlowBenchmark {

    @Param({"1", "64"})
    int window;

    private OutboundFlow flow;
    private Delivery delivery;
    private OutboundFlow.Sink sink;
    /** The packet ids in flight, oldest first: a ring as long as the window. */
    private int[] sentIds;
    private int oldest;

    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        flow = new OutboundFlow(window, 1_000);
        delivery = new Delivery("site/42/temperature", new byte[64], Qos.AT_LEAST_ONCE, false);
        sentIds = new int[window];
        Blackhole sent = blackhole;
        sink = new OutboundFlow.Sink() {
            private int next;

            @Override
            public void send(MqttPacket packet) {
                sent.consume(packet);
                sentIds[next] = ((Publish) packet).packetId();
                next = (next + 1) % window;
            }
        };
        for (int i = 0; i < window; i++) {
            flow.deliver(delivery, sink);
        }
    }

    @Benchmark
    public int acknowledgeOldestThenDeliver() {
        int id = sentIds[oldest];
        oldest = (oldest + 1) % window;
        flow.onPuback(id, sink);
        return flow.deliver(delivery, sink).ordinal();
    }
}
