package io.ternmq.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrokerTest {

    private static final String LOOPBACK = "127.0.0.1";

    private static final byte[] CONNECT_311_CLEAN = {
            0x10, 0x0D,                   // CONNECT, remaining length 13
            0x00, 0x04, 'M', 'Q', 'T', 'T', // protocol name
            0x04,                         // protocol level 4 (3.1.1)
            0x02,                         // connect flags: clean session
            0x00, 0x3C,                   // keep alive 60 s
            0x00, 0x01, 'c'               // client id "c"
    };

    @TempDir
    Path dataDir;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeResources() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    @Test
    void start_portZero_reportsTheEphemeralPortAndAcceptsConnections() throws IOException {
        Broker broker = start(builder().port(0));

        assertThat(broker.port()).isPositive();
        try (var socket = new Socket(LOOPBACK, broker.port())) {
            assertThat(socket.isConnected()).isTrue();
        }
    }

    @Test
    void start_portInUse_failsNamingAddressAndPort() throws IOException {
        var occupier = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK));
        resources.add(occupier);
        int port = occupier.getLocalPort();

        assertThatThrownBy(() -> start(builder().port(port)))
                .isInstanceOf(BrokerStartException.class)
                .hasMessageContaining(LOOPBACK + ":" + port);
    }

    @Test
    void close_calledTwice_isIdempotentAndFreesThePort() {
        Broker broker = builder().port(0).start();
        int port = broker.port();

        broker.close();
        broker.close();

        Broker successor = start(builder().port(port));
        assertThat(successor.port()).isEqualTo(port);
    }

    @Test
    void close_withConnectedClient_closesTheConnection() throws IOException {
        Broker broker = builder().port(0).start();
        var socket = new Socket(LOOPBACK, broker.port());
        socket.setSoTimeout(30_000);
        resources.add(socket);
        // The CONNACK proves the broker accepted the connection: one still in the accept backlog would be reset.
        socket.getOutputStream().write(CONNECT_311_CLEAN);
        assertThat(socket.getInputStream().readNBytes(4)).containsExactly(0x20, 0x02, 0x00, 0x00);

        broker.close();

        assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }

    @Test
    void start_missingDataDir_createsIt() {
        Path missing = dataDir.resolve("nested/data");

        start(builder().port(0).dataDir(missing));

        assertThat(missing).isDirectory();
    }

    @Test
    void stats_freshBroker_hasNoClients() {
        Broker broker = start(builder().port(0));

        assertThat(broker.stats().connectedClients()).isZero();
    }

    @Test
    void builder_portOutOfRange_isRejectedNamingTheSetting() {
        assertThatThrownBy(() -> Broker.builder().port(65_536)).hasMessageContaining("port");
        assertThatThrownBy(() -> Broker.builder().port(-1)).hasMessageContaining("port");
    }

    @Test
    void builder_maxPacketSizeOutOfRange_isRejectedNamingTheSetting() {
        assertThatThrownBy(() -> Broker.builder().maxPacketSize(1)).hasMessageContaining("maxPacketSize");
        assertThatThrownBy(() -> Broker.builder().maxPacketSize(268_435_461)).hasMessageContaining("maxPacketSize");
    }

    @Test
    void builder_invalidLimits_areRejectedNamingTheSetting() {
        assertThatThrownBy(() -> Broker.builder().bind(" ")).hasMessageContaining("bind");
        assertThatThrownBy(() -> Broker.builder().sessionThreads(0)).hasMessageContaining("sessionThreads");
        assertThatThrownBy(() -> Broker.builder().maxInflightMessages(0)).hasMessageContaining("maxInflightMessages");
        assertThatThrownBy(() -> Broker.builder().maxQueuedMessages(-1)).hasMessageContaining("maxQueuedMessages");
        assertThatThrownBy(() -> Broker.builder().connectTimeout(Duration.ofSeconds(-1)))
                .hasMessageContaining("connectTimeout");
    }

    @Test
    void version_runFromBuildClasses_isNotBlank() {
        assertThat(Broker.version()).isNotBlank();
    }

    private Broker.Builder builder() {
        return Broker.builder().bind(LOOPBACK).dataDir(dataDir).sessionThreads(1);
    }

    private Broker start(Broker.Builder builder) {
        Broker broker = builder.start();
        resources.add(broker);
        return broker;
    }
}
