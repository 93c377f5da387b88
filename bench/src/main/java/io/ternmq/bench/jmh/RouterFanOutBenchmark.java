package io.ternmq.bench.jmh;

import io.ternmq.core.BrokerCore;
import io.ternmq.core.ClientChannel;
import io.ternmq.core.Clock;
import io.ternmq.core.CoreConfig;
import io.ternmq.core.CoreStores;
import io.ternmq.core.MqttConnection;
import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.Subscribe;
import io.ternmq.protocol.TopicSubscription;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One QoS 0 PUBLISH through the broker core to N subscribers: the publisher's connection, authorization, the
 * subscription tree match, grouping by session thread and each subscriber's delivery, down to a channel that
 * only counts. The session executors run tasks inline on the benchmark thread, so this is the core's CPU cost
 * per message without queue hand-offs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RouterFanOutBenchmark {

    @Param({"1", "10", "100"})
    public int subscribers;

    private BrokerCore core;
    private MqttConnection publisher;
    private Publish message;
    private CountingChannel delivered;

    @Setup
    public void setUp() {
        core = new BrokerCore(new CoreConfig(1, 32, 1_000), Authenticator.ALLOW_ALL, Authorizer.ALLOW_ALL,
                Clock.SYSTEM, CoreStores.inMemory(), index -> Runnable::run);
        delivered = new CountingChannel();
        for (int i = 0; i < subscribers; i++) {
            MqttConnection subscriber = core.accept(delivered);
            subscriber.onPacket(connect("sub-" + i));
            subscriber.onPacket(new Subscribe(1, List.of(new TopicSubscription("bench/fan-out", Qos.AT_MOST_ONCE))));
        }
        publisher = core.accept(new CountingChannel());
        publisher.onPacket(connect("pub"));
        message = new Publish("bench/fan-out", Qos.AT_MOST_ONCE, false, false, 0, new byte[64]);
    }

    @TearDown
    public void tearDown() {
        core.close();
    }

    @Benchmark
    public void publishQos0(Blackhole blackhole) {
        publisher.onPacket(message);
        blackhole.consume(delivered.sent);
    }

    private static Connect connect(String clientId) {
        return new Connect(ProtocolVersion.MQTT_3_1_1, clientId, true, 0, null, null, null);
    }

    /** A channel that drops what it is sent, counting it so the work cannot be optimised away. */
    private static final class CountingChannel implements ClientChannel {
        long sent;

        @Override
        public void send(MqttPacket packet) {
            sent++;
        }

        @Override
        public void close() {
        }

        @Override
        public void keepAliveTimeout(Duration timeout) {
        }

        @Override
        public void readPaused(ReadState state) {
        }

        @Override
        public String remoteAddress() {
            return "bench";
        }
    }
}
