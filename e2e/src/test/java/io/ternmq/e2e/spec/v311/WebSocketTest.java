package io.ternmq.e2e.spec.v311;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.WebSocketRecorder;
import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Hex;
import io.ternmq.testkit.Packets;
import io.ternmq.transport.ListenerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.WebSocket;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** MQTT over WebSocket (section 6), driven by the JDK's WebSocket client so that frames are under our control. */
class WebSocketTest {

    @RegisterExtension
    static final BrokerExtension broker =
            BrokerExtension.with(b -> b.listener(ListenerConfig.ws("ws", "127.0.0.1", 0)));

    private static WebSocket open(WebSocketRecorder recorder, String subprotocol, String... lesser)
            throws Exception {
        return recorder.open(broker, "ws", subprotocol, lesser);
    }

    private static void send(WebSocket webSocket, byte[] bytes) throws Exception {
        WebSocketRecorder.send(webSocket, bytes);
    }

    private static void expectReceived(WebSocketRecorder recorder, String hex) {
        byte[] expected = Hex.parse(hex);
        await().atMost(BrokerExtension.WAIT).untilAsserted(() -> assertThat(recorder.received()).isEqualTo(expected));
    }

    @Test
    void handshake_clientOffersMqtt_serverSelectsMqtt() throws Exception {
        WebSocket webSocket = open(new WebSocketRecorder(), "mqtt");

        assertThat(webSocket.getSubprotocol()).isEqualTo("mqtt"); // [MQTT-6.0.0-4]
    }

    @Test
    void handshake_clientOffersSeveral_serverSelectsMqtt() throws Exception {
        WebSocket webSocket = open(new WebSocketRecorder(), "chat", "mqtt");

        assertThat(webSocket.getSubprotocol()).isEqualTo("mqtt"); // [MQTT-6.0.0-4]
    }

    @Test
    void connect_splitAcrossBinaryFrames_isAnswered() throws Exception {
        // [MQTT-6.0.0-2] a packet split over frames, here three: inside the fixed header, then the rest in two
        WebSocketRecorder recorder = new WebSocketRecorder();
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
        WebSocketRecorder recorder = new WebSocketRecorder();
        WebSocket webSocket = open(recorder, "mqtt");

        send(webSocket, Hex.concat(Packets.connect("ws-packed", CleanSession.YES, 60), Packets.pingreq(),
                Packets.pingreq()));

        expectReceived(recorder, "20 02 00 00 d0 00 d0 00");
    }

    @Test
    void textFrame_afterConnect_closesTheConnection() throws Exception {
        WebSocketRecorder recorder = new WebSocketRecorder();
        WebSocket webSocket = open(recorder, "mqtt");
        send(webSocket, Packets.connect("ws-text", CleanSession.YES, 60));
        expectReceived(recorder, "20 02 00 00");

        webSocket.sendText("{\"not\": \"mqtt\"}", true);

        // [MQTT-6.0.0-1] a data frame other than binary closes the connection
        assertThat(recorder.awaitEnd()).isNotBlank();
        broker.awaitConnectedClients(0);
    }
}
