package io.ternmq.transport;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Servers on a test's IO threads and sockets to them, plus whatever else the test registers: {@link #close()} closes
 * them newest first, then the IO threads.
 */
final class LoopServers implements AutoCloseable {

    private final IoThreads io;
    private final List<AutoCloseable> resources = new ArrayList<>();

    LoopServers(IoThreads io) {
        this.io = io;
    }

    /** A plain TCP listener on a free loopback port, on {@code threads}. */
    MqttServer start(IoThreads threads, ConnectionAcceptor acceptor) {
        MqttServer server = MqttServer.start(new TransportConfig(TransportConfig.PROTOCOL_MAX_PACKET_SIZE,
                Duration.ofSeconds(10), 2), List.of(new ListenerConfig("tcp", "127.0.0.1", 0)), acceptor, threads);
        resources.add(server);
        return server;
    }

    Socket connect(MqttServer server) throws IOException {
        var socket = new Socket("127.0.0.1", server.address("tcp").getPort());
        socket.setSoTimeout(30_000); // a safety net against a hung test only
        resources.add(socket);
        return socket;
    }

    void closeLater(AutoCloseable resource) {
        resources.add(resource);
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
        io.close();
    }
}
