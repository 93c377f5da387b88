package io.ternmq.e2e.spec.v311;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Hex;
import io.ternmq.testkit.Packets;
import io.ternmq.transport.ListenerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** MQTT over WebSocket (section 6), driven by the JDK's WebSocket client so that frames are under our control. */
class WebSocketTest {

    @RegisterExtension
    static final BrokerExtension broker =
            BrokerExtension.with(b -> b.listener(ListenerConfig.ws("ws", "127.0.0.1", 0)));

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Collects binary data and notes the end of the connection, however it ends. */
    private static final class Recorder implements WebSocket.Listener {
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final CompletableFuture<String> ended = new CompletableFuture<>();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            synchronized (received) {
                received.writeBytes(bytes);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            ended.complete("close " + statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            ended.complete("error " + error);
        }

        byte[] received() {
            synchronized (received) {
                return received.toByteArray();
            }
        }
    }

    private WebSocket open(Recorder recorder, String subprotocol, String... lesser) throws Exception {
        WebSocket webSocket = HTTP.newWebSocketBuilder().subprotocols(subprotocol, lesser)
                .buildAsync(URI.create("ws://127.0.0.1:" + broker.broker().port("ws") + "/mqtt"), recorder)
                .get(BrokerExtension.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        broker.closeAfterTest(webSocket::abort);
        return webSocket;
    }

    private static void send(WebSocket webSocket, byte[] bytes) throws Exception {
        webSocket.sendBinary(ByteBuffer.wrap(bytes), true).get(BrokerExtension.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void expectReceived(Recorder recorder, String hex) {
        byte[] expected = Hex.parse(hex);
        await().atMost(BrokerExtension.WAIT).untilAsserted(() -> assertThat(recorder.received()).isEqualTo(expected));
    }

    @Test
    void handshake_clientOffersMqtt_serverSelectsMqtt() throws Exception {
        WebSocket webSocket = open(new Recorder(), "mqtt");

        assertThat(webSocket.getSubprotocol()).isEqualTo("mqtt"); // [MQTT-6.0.0-4]
    }

    @Test
    void handshake_clientOffersSeveral_serverSelectsMqtt() throws Exception {
        WebSocket webSocket = open(new Recorder(), "chat", "mqtt");

        assertThat(webSocket.getSubprotocol()).isEqualTo("mqtt"); // [MQTT-6.0.0-4]
    }

    @Test
    void connect_splitAcrossBinaryFrames_isAnswered() throws Exception {
        // [MQTT-6.0.0-2] a packet split over frames, here three: inside the fixed header, then the rest in two
        Recorder recorder = new Recorder();
        WebSocket webSocket = open(recorder, "mqtt");
        byte[] connect = Packets.connect("ws-split", CleanSession.YES, 60);

        send(webSocket, Arrays.copyOfRange(connect, 0, 1));
        send(webSocket, Arrays.copyOfRange(connect, 1, 7));
        send(webSocket, Arrays.copyOfRange(connect, 7, connect.length));

        expectReceived(recorder, "20 02 00 00");
    }

    @Test
    void severalPackets_packedInOneBinaryFrame_allAnswered() throws Exception {
        // [MQTT-6.0.0-2] several packets in one frame
        Recorder recorder = new Recorder();
        WebSocket webSocket = open(recorder, "mqtt");

        send(webSocket, Hex.concat(Packets.connect("ws-packed", CleanSession.YES, 60), Packets.pingreq(),
                Packets.pingreq()));

        expectReceived(recorder, "20 02 00 00 d0 00 d0 00");
    }

    @Test
    void textFrame_afterConnect_closesTheConnection() throws Exception {
        Recorder recorder = new Recorder();
        WebSocket webSocket = open(recorder, "mqtt");
        send(webSocket, Packets.connect("ws-text", CleanSession.YES, 60));
        expectReceived(recorder, "20 02 00 00");

        webSocket.sendText("{\"not\": \"mqtt\"}", true);

        // [MQTT-6.0.0-1] a data frame other than binary closes the connection
        assertThat(recorder.ended.get(BrokerExtension.WAIT.toMillis(), TimeUnit.MILLISECONDS)).isNotBlank();
        broker.awaitConnectedClients(0);
    }
}
