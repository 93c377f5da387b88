package io.ternmq.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.Subscribe;
import io.ternmq.protocol.TopicSubscription;
import io.ternmq.protocol.codec.PacketEncoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Opens the generator's connections for one scenario on a shared set of event loops, and closes them all at the
 * end. Connection errors (refusals, unexpected closes) are counted, never thrown from event loops.
 */
final class Connector implements AutoCloseable {

    /** Connections being set up at once: enough to be quick, few enough not to overflow the broker's backlog. */
    private static final int MAX_PENDING_CONNECTS = 256;

    /**
     * SO_SNDBUF of every connection. Left to the operating system, Linux grows a busy socket's send buffer up to
     * 4 MiB: tens of thousands of small messages that a publisher counts as sent before the broker has read them.
     * The socket takes more only once a third of that has drained, so the publisher then counts nothing while the
     * broker reads over a megabyte, which takes a slow broker or a busy machine over a second. A fixed buffer
     * (Linux doubles it and no longer grows it) keeps the count within a few thousand messages of what the broker
     * has read.
     */
    static final int SEND_BUFFER_BYTES = 64 * 1024;

    private final BenchSettings settings;
    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final PacketEncoder encoder = new PacketEncoder();
    private final Queue<BenchConnection> open = new ConcurrentLinkedQueue<>();
    private final LongAdder errors = new LongAdder();

    Connector(BenchSettings settings) {
        this(settings, 0, false);
    }

    /**
     * @param receiveBufferBytes SO_RCVBUF of every connection, small for clients that stop reading; 0: default
     * @param busyPoll           event loops that never sleep ({@link BusyPollStrategy})
     */
    Connector(BenchSettings settings, int receiveBufferBytes, boolean busyPoll) {
        this.settings = settings;
        EventLoopKind kind = EventLoopKind.best(busyPoll);
        group = kind.group(settings.ioThreads(), "bench-io");
        bootstrap = new Bootstrap().group(group).channel(kind.channelType())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .option(ChannelOption.SO_SNDBUF, SEND_BUFFER_BYTES)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 64 * 1024));
        if (receiveBufferBytes > 0) {
            bootstrap.option(ChannelOption.SO_RCVBUF, receiveBufferBytes);
        }
    }

    long errors() {
        return errors.sum();
    }

    /** Connects all clients with clean sessions, at most {@link #MAX_PENDING_CONNECTS} at a time. */
    List<BenchConnection> connectAll(List<String> clientIds, List<? extends BenchConnection.Listener> listeners)
            throws InterruptedException {
        return connectAll(clientIds, listeners, SessionKind.CLEAN);
    }

    /** Connects all clients, at most {@link #MAX_PENDING_CONNECTS} at a time, and waits for their CONNACKs. */
    List<BenchConnection> connectAll(List<String> clientIds, List<? extends BenchConnection.Listener> listeners,
                                     SessionKind sessions) throws InterruptedException {
        Semaphore pending = new Semaphore(MAX_PENDING_CONNECTS);
        List<BenchConnection> connections = new ArrayList<>(clientIds.size());
        for (int i = 0; i < clientIds.size(); i++) {
            pending.acquire();
            BenchConnection connection = connect(clientIds.get(i), listeners.get(i), sessions);
            connection.connected.whenComplete((c, e) -> pending.release());
            connections.add(connection);
        }
        await(connections.stream().map(c -> c.connected).toList());
        return connections;
    }

    private BenchConnection connect(String clientId, BenchConnection.Listener listener, SessionKind sessions) {
        BenchConnection connection = new BenchConnection(listener, errors);
        open.add(connection);
        ChannelFuture future = bootstrap.clone().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                channel.pipeline().addLast(connection);
            }
        }).connect(settings.host(), settings.port());
        future.addListener(f -> {
            if (f.isSuccess()) {
                send(future.channel(), new Connect(ProtocolVersion.MQTT_3_1_1, clientId, sessions.cleanSession(), 0,
                        null, null, null));
            } else {
                errors.increment();
                connection.connected.completeExceptionally(f.cause());
            }
        });
        return connection;
    }

    /** Subscribes every connection to its filter and waits for the SUBACKs. */
    void subscribeAll(List<BenchConnection> connections, List<String> filters, Qos qos) {
        for (int i = 0; i < connections.size(); i++) {
            send(connections.get(i).channel(), new Subscribe(1, List.of(new TopicSubscription(filters.get(i), qos))));
        }
        await(connections.stream().map(c -> c.subscribed).toList());
    }

    void send(Channel channel, io.ternmq.protocol.MqttPacket packet) {
        ByteBuf buffer = channel.alloc().ioBuffer(encoder.encodedSize(packet, ProtocolVersion.MQTT_3_1_1));
        encoder.encode(packet, ProtocolVersion.MQTT_3_1_1, buffer);
        channel.writeAndFlush(buffer, channel.voidPromise());
    }

    private static void await(List<CompletableFuture<BenchConnection>> futures) {
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();
    }

    /** Closes one connection (without counting an error) and forgets it, for scenarios that churn. */
    void close(BenchConnection connection) {
        open.remove(connection);
        connection.close();
    }

    @Override
    public void close() {
        open.forEach(BenchConnection::close);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
