package io.ternmq.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The MQTT network server: binds every configured listener and feeds accepted connections to the
 * {@link ConnectionAcceptor}. {@link #close()} stops accepting, closes every connection (each one reports
 * {@code onChannelClosed} to the core) and stops the IO threads.
 */
public final class MqttServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MqttServer.class);

    /** Pending outbound bytes per connection above which it reports unwritable; below the low mark, writable again. */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(32 * 1024, 128 * 1024);
    private static final int ACCEPT_BACKLOG = 1024;

    private final EventLoops loops;
    private final LoopBalancer balancer;
    /** Set when this server started its own IO threads, which it then stops on close. */
    private final @Nullable IoThreads ownIoThreads;
    private final ChannelGroup serverChannels =
            new DefaultChannelGroup("ternmq-listeners", GlobalEventExecutor.INSTANCE);
    private final ChannelGroup clientChannels =
            new DefaultChannelGroup("ternmq-clients", GlobalEventExecutor.INSTANCE);
    private final Map<String, InetSocketAddress> boundAddresses = new LinkedHashMap<>();
    private final PendingConnects pendingConnects;
    private final TrafficCounters counters;
    private final Map<String, ConnectionGate> gates = new LinkedHashMap<>();
    private final ConnectionBudget brokerBudget;
    /** Polls certificate files of tls/wss listeners; a plain thread because reading files must not block IO. */
    private final ScheduledExecutorService tlsReloads = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ternmq-tls-reload");
        thread.setDaemon(true);
        return thread;
    });
    private boolean closed;

    private MqttServer(IoThreads io, @Nullable IoThreads ownIoThreads, int maxConnections, int maxPendingConnects) {
        this.loops = io.loops();
        this.balancer = io.balancer();
        this.ownIoThreads = ownIoThreads;
        this.brokerBudget = new ConnectionBudget(maxConnections);
        this.pendingConnects = new PendingConnects(maxPendingConnects, System::nanoTime);
        this.counters = new TrafficCounters(clientChannels::size, pendingConnects, balancer::moves);
    }

    /**
     * Binds every listener and starts serving.
     *
     * @throws ListenerBindException when a listener cannot bind; nothing is left running then
     */
    public static MqttServer start(TransportConfig config, List<ListenerConfig> listeners,
                                   ConnectionAcceptor acceptor) {
        return start(config, listeners, acceptor, IoEngine.requested());
    }

    static MqttServer start(TransportConfig config, List<ListenerConfig> listeners, ConnectionAcceptor acceptor,
                            IoEngine engine) {
        IoThreads own = IoThreads.start(config.ioThreads(), engine);
        try {
            return start(config, listeners, acceptor, own, own);
        } catch (RuntimeException e) {
            own.close();
            throw e;
        }
    }

    /**
     * Binds every listener and serves on IO threads the caller created and will close after this server;
     * {@link TransportConfig#ioThreads()} is then ignored.
     *
     * @throws ListenerBindException when a listener cannot bind; nothing of this server is left running then
     */
    public static MqttServer start(TransportConfig config, List<ListenerConfig> listeners,
                                   ConnectionAcceptor acceptor, IoThreads io) {
        return start(config, listeners, acceptor, io, null);
    }

    private static MqttServer start(TransportConfig config, List<ListenerConfig> listeners,
                                    ConnectionAcceptor acceptor, IoThreads io, @Nullable IoThreads own) {
        if (listeners.isEmpty()) {
            throw new IllegalArgumentException("at least one listener is required");
        }
        if (listeners.stream().map(ListenerConfig::name).distinct().count() != listeners.size()) {
            throw new IllegalArgumentException("listener names must be unique: " + listeners);
        }
        MqttServer server = new MqttServer(io, own, config.maxConnections(), config.maxPendingConnects());
        try {
            for (ListenerConfig listener : listeners) {
                server.bind(listener, server.initializerFor(listener, config, acceptor));
            }
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The address a listener is bound to, with the real port when 0 was asked for. */
    public synchronized InetSocketAddress address(String listenerName) {
        InetSocketAddress address = boundAddresses.get(listenerName);
        if (address == null) {
            throw new IllegalArgumentException("no listener named '" + listenerName + "'; have "
                    + boundAddresses.keySet());
        }
        return address;
    }

    /** Bytes and packets in and out, over every listener. */
    public TransportStats stats() {
        return counters;
    }

    /** Names and addresses of the bound listeners, in configuration order. */
    public synchronized Map<String, InetSocketAddress> addresses() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(boundAddresses));
    }

    /** Number of open client connections. */
    public int connectionCount() {
        return clientChannels.size();
    }

    /** Connections a listener closed right after accept because a connection limit or its rate was exceeded. */
    public synchronized long refusedConnections(String listenerName) {
        ConnectionGate gate = gates.get(listenerName);
        if (gate == null) {
            throw new IllegalArgumentException("no listener named '" + listenerName + "'; have " + gates.keySet());
        }
        return gate.refused();
    }

    /** Stops the server and waits for its threads; call it from an application thread, never an IO thread. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        tlsReloads.shutdownNow();
        // Stop accepting first, so that no connection arrives while the others are being closed. MQTT 5 clients
        // are to get DISCONNECT 0x8B (server shutting down) before their close once the core speaks 5.0.
        serverChannels.close().awaitUninterruptibly();
        clientChannels.close().awaitUninterruptibly();
        loops.boss().shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        if (ownIoThreads != null) {
            ownIoThreads.close();
        }
        log.debug("MQTT server stopped");
    }

    private ChannelInitializer<Channel> initializerFor(ListenerConfig listener, TransportConfig config,
                                                      ConnectionAcceptor acceptor) {
        var gate = new ConnectionGate(new ConnectionRate(listener.limits().maxConnectionsPerSecond(), System::nanoTime),
                new ConnectionBudget(listener.limits().maxConnections()), brokerBudget,
                new RefusalLog(listener.name(), System::nanoTime));
        synchronized (this) {
            gates.put(listener.name(), gate);
        }
        ReloadingTlsContext tls = null;
        if (listener.tls() != null) {
            tls = ReloadingTlsContext.load(listener.name(), listener.tls());
            long interval = listener.tls().reloadInterval().toNanos();
            tlsReloads.scheduleWithFixedDelay(tls::reloadIfChanged, interval, interval, TimeUnit.NANOSECONDS);
            log.info("listener '{}': TLS 1.3/1.2 via {}, client certificates {}", listener.name(),
                    TlsContexts.describeProvider(), listener.tls().clientCertificates());
        }
        return new ListenerChannelInitializer(listener, config, gate, tls, acceptor, clientChannels, counters,
                pendingConnects, balancer);
    }

    private void bind(ListenerConfig listener, ChannelInitializer<Channel> initializer) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loops.boss(), loops.workers())
                .channel(loops.serverChannelType())
                .option(ChannelOption.SO_BACKLOG, ACCEPT_BACKLOG)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(initializer);
        ChannelFuture bound;
        try {
            bound = bootstrap.bind(listener.bind(), listener.port()).awaitUninterruptibly();
        } catch (RuntimeException e) {
            throw new ListenerBindException(listener, e);
        }
        if (!bound.isSuccess()) {
            throw new ListenerBindException(listener, bound.cause());
        }
        serverChannels.add(bound.channel());
        InetSocketAddress address = (InetSocketAddress) bound.channel().localAddress();
        synchronized (this) {
            boundAddresses.put(listener.name(), address);
        }
        log.debug("listener '{}' ({}) bound to {} ({})", listener.name(), listener.kind(),
                SocketAddresses.format(address), loops.kind());
    }
}
