package io.ternmq.testkit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exercises the raw client against a plain server socket standing in for the broker. */
class RawMqttClientTest {

    private static final Duration SHORT = Duration.ofMillis(200);

    private ServerSocket server;
    private RawMqttClient client;
    private Socket peer;

    @BeforeEach
    void connect() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        client = RawMqttClient.connect("127.0.0.1", server.getLocalPort());
        peer = server.accept();
    }

    @AfterEach
    void closeAll() throws IOException {
        client.close();
        peer.close();
        server.close();
    }

    @Test
    void send_hex_reachesPeer() throws IOException {
        client.send("c0 00");
        assertThat(peer.getInputStream().readNBytes(2)).containsExactly(0xC0, 0x00);
    }

    @Test
    void expectBytes_matching_passes() throws IOException {
        peer.getOutputStream().write(Hex.parse("20 02 00 00"));
        client.expectBytes("20 02 00 00");
        assertThat(client.isClosed()).isFalse();
    }

    @Test
    void expectBytes_different_failsWithBothInHex() throws IOException {
        peer.getOutputStream().write(Hex.parse("20 02 00 05"));
        assertThatThrownBy(() -> client.expectBytes("20 02 00 00"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("20 02 00 05");
    }

    @Test
    void read_peerSilent_timesOut() {
        assertThatThrownBy(() -> client.read(1, SHORT))
                .isInstanceOf(AssertionError.class).hasMessageContaining("timed out");
    }

    @Test
    void read_peerClosesEarly_reportsClose() throws IOException {
        peer.getOutputStream().write(0x20);
        peer.close();
        assertThatThrownBy(() -> client.read(2, SHORT))
                .isInstanceOf(AssertionError.class).hasMessageContaining("closed").hasMessageContaining("20");
    }

    @Test
    void readPacket_multiByteLength_returnsWholePacket() throws IOException {
        byte[] packet = Packets.publish("t", 0, Retain.NO, Dup.NO, 0, new byte[130]);
        peer.getOutputStream().write(packet);
        peer.getOutputStream().write(Packets.pingresp());
        assertThat(client.readPacket()).isEqualTo(packet);
        client.expectPacket("d0 00");
    }

    @Test
    void expectClosed_peerCloses_passes() throws IOException {
        peer.close();
        client.expectClosed(SHORT);
        assertThat(peer.isClosed()).isTrue();
    }

    @Test
    void expectClosed_peerSendsData_fails() throws IOException {
        peer.getOutputStream().write(Hex.parse("d0 00"));
        assertThatThrownBy(() -> client.expectClosed(SHORT))
                .isInstanceOf(AssertionError.class).hasMessageContaining("d0 00");
    }

    @Test
    void expectClosed_peerStaysOpen_fails() {
        assertThatThrownBy(() -> client.expectClosed(SHORT))
                .isInstanceOf(AssertionError.class).hasMessageContaining("did not close");
    }

    @Test
    void expectNothing_peerSilent_passes() {
        client.expectNothing(SHORT);
        assertThat(client.isClosed()).isFalse();
    }

    @Test
    void expectNothing_peerCloses_fails() throws IOException {
        peer.close();
        assertThatThrownBy(() -> client.expectNothing(SHORT))
                .isInstanceOf(AssertionError.class).hasMessageContaining("closed");
    }
}
