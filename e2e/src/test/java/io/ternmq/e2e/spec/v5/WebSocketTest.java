package io.ternmq.e2e.spec.v5;

import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.WebSocketRecorder;
import io.ternmq.testkit.Hex;
import io.ternmq.testkit.Mqtt5Packets;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.ReceivedMqtt5Packet;
import io.ternmq.transport.ListenerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** MQTT 5.0 over WebSocket (chapter 6), with the JDK's WebSocket client so that frames are under our control. */
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

    /** The whole packets in {@code bytes}, split by their remaining lengths (a partial last one is left out). */
    private static List<byte[]> packets(byte[] bytes) {
        List<byte[]> packets = new ArrayList<>();
        int pos = 0;
        while (pos + 2 <= bytes.length) {
            int length = 0;
            int shift = 0;
            int at = pos + 1;
            while (at < bytes.length && (bytes[at] & 0x80) != 0) {
                length |= (bytes[at] & 0x7F) << shift;
                shift += 7;
                at++;
            }
            if (at >= bytes.length) {
                break;
            }
            length |= (bytes[at] & 0x7F) << shift;
            int end = at + 1 + length;
            if (end > bytes.length) {
                break;
            }
            packets.add(Arrays.copyOfRange(bytes, pos, end));
            pos = end;
        }
        return packets;
    }

    /** Waits for a successful CONNACK followed by exactly {@code then}. */
    private static void expectConnackThen(WebSocketRecorder recorder, String then) {
        await().atMost(BrokerExtension.WAIT).untilAsserted(() -> {
            List<byte[]> packets = packets(recorder.received());
            assertThat(packets).isNotEmpty();
            ReceivedMqtt5Packet connack = ReceivedMqtt5Packet.parse(packets.getFirst())
                    .expectType(ReceivedMqtt5Packet.CONNACK);
            assertThat(connack.reasonCode()).isZero();
            byte[] rest = Arrays.copyOfRange(recorder.received(), packets.getFirst().length,
                    recorder.received().length);
            assertThat(Hex.format(rest)).isEqualTo(Hex.normalize(then));
        });
    }

    @Test
    void handshake_clientOffersSeveral_serverSelectsMqtt() throws Exception {
        // [MQTT-6.0.0-4]
        assertThat(open(new WebSocketRecorder(), "chat", "mqtt").getSubprotocol()).isEqualTo("mqtt");
    }

    @Test
    void connect_splitAcrossBinaryFrames_isAnswered() throws Exception {
        // [MQTT-6.0.0-2] a 5.0 CONNECT split over three frames, the first inside the fixed header
        WebSocketRecorder recorder = new WebSocketRecorder();
        WebSocket webSocket = open(recorder, "mqtt");
        byte[] connect = Mqtt5Packets.connect("ws5-split").build();
        send(webSocket, Arrays.copyOfRange(connect, 0, 1));
        send(webSocket, Arrays.copyOfRange(connect, 1, 9));
        send(webSocket, Arrays.copyOfRange(connect, 9, connect.length));
        expectConnackThen(recorder, "");
    }

    @Test
    void severalPackets_packedInOneBinaryFrame_allAnswered() throws Exception {
        // [MQTT-6.0.0-2] several packets in one frame
        WebSocketRecorder recorder = new WebSocketRecorder();
        WebSocket webSocket = open(recorder, "mqtt");
        send(webSocket, Hex.concat(Mqtt5Packets.connect("ws5-packed").build(), Mqtt5Packets.subscribe(1, "ws5/a", 1),
                Packets.pingreq()));
        expectConnackThen(recorder, "90 04 00 01 00 01 d0 00");
    }

    @Test
    void textFrame_afterConnect_closesTheConnection() throws Exception {
        WebSocketRecorder recorder = new WebSocketRecorder();
        WebSocket webSocket = open(recorder, "mqtt");
        send(webSocket, Mqtt5Packets.connect("ws5-text").build());
        expectConnackThen(recorder, "");

        webSocket.sendText("{\"not\": \"mqtt\"}", true);

        // [MQTT-6.0.0-1] a data frame other than binary closes the connection
        assertThat(recorder.awaitEnd()).isNotBlank();
        broker.awaitConnectedClients(0);
    }
}
