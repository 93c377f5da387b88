package io.ternmq.transport;

import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.ternmq.protocol.Pingreq;
import io.ternmq.protocol.Pingresp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The opt-in io_uring transport (-Dternmq.transport=io_uring) serves connections as epoll does. */
class IoUringTransportTest {

    private static final String LOOPBACK = "127.0.0.1";

    private final RecordingAcceptor core = new RecordingAcceptor();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeResources() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    @Test
    void create_ioUringRequested_usesIoUringWhereTheKernelHasItElseTheDefault() {
        EventLoops loops = EventLoops.create(1, IoEngine.IO_URING);
        try {
            assertThat(loops.kind()).isEqualTo(IoUring.isAvailable() ? "io_uring" : EventLoops.create(1).kind());
            if (IoUring.isAvailable()) {
                assertThat(loops.serverChannelType()).isEqualTo(IoUringServerSocketChannel.class);
            }
        } finally {
            loops.shutdown();
        }
    }

    @Test
    void roundTrip_overIoUring_pingreqReachesTheCoreAndPingrespTheClient() throws IOException {
        MqttServer server = MqttServer.start(
                new TransportConfig(TransportConfig.PROTOCOL_MAX_PACKET_SIZE, Duration.ofSeconds(10), 1),
                List.of(new ListenerConfig("tcp", LOOPBACK, 0)), core, IoEngine.IO_URING);
        resources.add(server);
        var socket = new Socket(LOOPBACK, server.address("tcp").getPort());
        socket.setSoTimeout(30_000); // a safety net against a hung test only
        resources.add(socket);

        socket.getOutputStream().write(new byte[]{(byte) 0xC0, 0x00}); // PINGREQ, remaining length 0
        await().untilAsserted(() -> assertThat(core.only().packets).containsExactly(new Pingreq()));
        core.only().channel.send(new Pingresp());

        assertThat(socket.getInputStream().readNBytes(2)).containsExactly(0xD0, 0x00); // PINGRESP
    }

    @Test
    void parse_namesInAnyCase_mapToEngines() {
        assertThat(IoEngine.parse("io_uring")).isEqualTo(IoEngine.IO_URING);
        assertThat(IoEngine.parse("IO-URING")).isEqualTo(IoEngine.IO_URING);
        assertThat(IoEngine.parse(" epoll ")).isEqualTo(IoEngine.EPOLL);
        assertThat(IoEngine.parse("auto")).isEqualTo(IoEngine.AUTO);
    }

    @Test
    void parse_unknownName_isRejectedNamingTheChoices() {
        assertThatThrownBy(() -> IoEngine.parse("kqueue"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auto, epoll, io_uring or nio").hasMessageContaining("kqueue");
    }
}
