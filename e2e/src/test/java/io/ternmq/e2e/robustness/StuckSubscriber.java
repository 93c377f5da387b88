package io.ternmq.e2e.robustness;

import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Hex;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.ReceivedPublish;
import io.ternmq.testkit.SessionPresent;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscriber that stops reading after its SUBACK: a socket with a small receive buffer, so the broker's writes
 * back up after a few kilobytes. {@link #readAll()} later reads what the broker still sends (acknowledging QoS 1),
 * until the broker goes quiet or closes the connection.
 */
final class StuckSubscriber implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private boolean closedByBroker;
    private byte @Nullable [] disconnect;

    private StuckSubscriber(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects (CleanSession as given), subscribes to {@code filter} at {@code qos}, then reads nothing more. */
    static StuckSubscriber subscribe(int port, String clientId, CleanSession cleanSession, String filter, int qos) {
        try {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(2048);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(5_000);
            StuckSubscriber subscriber = new StuckSubscriber(socket);
            subscriber.send(Packets.connect(clientId, cleanSession, 0));
            assertThat(subscriber.readPacket()).isEqualTo(Packets.connack(SessionPresent.NO, 0));
            subscriber.send(Packets.subscribe(1, filter, qos));
            assertThat(subscriber.readPacket()).isEqualTo(Packets.suback(1, qos));
            return subscriber;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An MQTT 5 subscriber: CONNECT level 5 (Clean Start, keep-alive 0, no properties), SUBSCRIBE to {@code filter}
     * at QoS 0 (no properties), then nothing more is read.
     */
    static StuckSubscriber subscribeMqtt5(int port, String clientId, String filter) {
        try {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(2048);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(5_000);
            StuckSubscriber subscriber = new StuckSubscriber(socket);
            byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
            // protocol name "MQTT", level 5, flags 0x02 (Clean Start), keep-alive 0, property length 0, client id
            subscriber.send(Packets.packet(0x10, Hex.parse("00 04 4d 51 54 54 05 02 00 00 00"),
                    Packets.lengthPrefixed(id)));
            byte[] connack = subscriber.readPacket();
            assertThat(connack[0]).isEqualTo((byte) 0x20);
            assertThat(connack[3]).as("CONNACK reason code Success").isZero();
            // packet id 1, property length 0, the filter, options 0x00 (QoS 0)
            subscriber.send(Packets.packet(0x82, Hex.parse("00 01 00"),
                    Packets.lengthPrefixed(filter.getBytes(StandardCharsets.UTF_8)), new byte[] {0}));
            // SUBACK: packet id 1, property length 0, reason code 0x00 Granted QoS 0
            assertThat(subscriber.readPacket()).isEqualTo(Hex.parse("90 04 00 01 00 00"));
            return subscriber;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    private byte[] readPacket() throws IOException {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(in.readUnsignedByte());
        int length = 0;
        int multiplier = 1;
        int digit;
        do {
            digit = in.readUnsignedByte();
            packet.write(digit);
            length += (digit & 0x7F) * multiplier;
            multiplier *= 128;
        } while ((digit & 0x80) != 0);
        byte[] body = new byte[length];
        in.readFully(body);
        packet.writeBytes(body);
        return packet.toByteArray();
    }

    /**
     * Starts reading again: every PUBLISH until nothing arrives for a second or the broker closes the connection;
     * QoS 1 messages are acknowledged so that the broker can send the rest.
     */
    List<ReceivedPublish> readAll() {
        List<ReceivedPublish> received = new ArrayList<>();
        try {
            socket.setSoTimeout(1_000);
            while (true) {
                byte[] packet = readPacket();
                if ((packet[0] & 0xF0) == 0xE0) {
                    disconnect = packet;
                    continue;
                }
                if (packet[0] >>> 4 != 3) {
                    throw new AssertionError("expected only PUBLISH packets, got " + Hex.format(packet));
                }
                ReceivedPublish publish = ReceivedPublish.parse(packet);
                received.add(publish);
                if (publish.qos() == 1) {
                    send(Packets.puback(publish.packetId()));
                }
            }
        } catch (SocketTimeoutException quiet) {
            return received;
        } catch (EOFException | SocketException closed) {
            closedByBroker = true;
            return received;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The DISCONNECT packet {@link #readAll()} found (MQTT 5), or null. */
    byte @Nullable [] disconnect() {
        return disconnect;
    }

    /** Whether {@link #readAll()} ended because the broker closed the connection. */
    boolean closedByBroker() {
        return closedByBroker;
    }

    /** The sequence numbers (first four payload bytes) of publishes. */
    static List<Integer> sequence(List<ReceivedPublish> publishes) {
        return publishes.stream().map(p -> sequenceOf(p.payload())).toList();
    }

    static int sequenceOf(byte[] payload) {
        return (payload[0] & 0xFF) << 24 | (payload[1] & 0xFF) << 16 | (payload[2] & 0xFF) << 8 | payload[3] & 0xFF;
    }

    /** A payload of {@code size} bytes starting with {@code sequence}. */
    static byte[] payload(int sequence, int size) {
        byte[] payload = new byte[size];
        payload[0] = (byte) (sequence >>> 24);
        payload[1] = (byte) (sequence >>> 16);
        payload[2] = (byte) (sequence >>> 8);
        payload[3] = (byte) sequence;
        Arrays.fill(payload, 4, size, (byte) 'x');
        return payload;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
