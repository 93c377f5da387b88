package io.ternmq.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/**
 * An MQTT client that is nothing but a TCP socket: it sends exactly the bytes a test gives it and reads exactly the
 * bytes the broker sends back, so tests can assert the wire format and send malformed packets. Failed expectations
 * throw {@link AssertionError} with the bytes seen, in hex.
 */
public final class RawMqttClient implements AutoCloseable {

    /** Long enough for a loaded CI machine, short enough that a missing reply fails fast. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawMqttClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    public static RawMqttClient connect(String host, int port) {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) DEFAULT_TIMEOUT.toMillis());
            return new RawMqttClient(socket);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException("cannot connect to " + host + ":" + port, e);
        }
    }

    public RawMqttClient send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send " + Hex.format(bytes), e);
        }
    }

    public RawMqttClient send(String hex) {
        return send(Hex.parse(hex));
    }

    /** Reads exactly {@code count} bytes, failing when they do not all arrive within the timeout. */
    public byte[] read(int count, Duration timeout) {
        byte[] buffer = new byte[count];
        long deadline = System.nanoTime() + timeout.toNanos();
        int filled = 0;
        while (filled < count) {
            int n;
            try {
                n = readWithDeadline(buffer, filled, count - filled, deadline);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + count
                        + " bytes; got " + filled + ": " + Hex.format(Arrays.copyOf(buffer, filled)));
            } catch (IOException e) {
                throw new AssertionError("connection failed after " + filled + " of " + count + " bytes: "
                        + Hex.format(Arrays.copyOf(buffer, filled)), e);
            }
            if (n < 0) {
                throw new AssertionError("connection closed by the broker after " + filled + " of " + count
                        + " bytes: " + Hex.format(Arrays.copyOf(buffer, filled)));
            }
            filled += n;
        }
        return buffer;
    }

    public byte[] read(int count) {
        return read(count, DEFAULT_TIMEOUT);
    }

    /** Asserts the next bytes from the broker are exactly these. */
    public RawMqttClient expectBytes(String hex) {
        return expectBytes(Hex.parse(hex));
    }

    public RawMqttClient expectBytes(byte[] expected) {
        byte[] actual = read(expected.length);
        if (!Arrays.equals(expected, actual)) {
            throw new AssertionError("expected bytes " + Hex.format(expected) + " but got " + Hex.format(actual));
        }
        return this;
    }

    /** Reads one whole packet: the fixed header byte, the remaining length, then that many bytes. */
    public byte[] readPacket(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.writeBytes(read(1, remaining(deadline)));
        int length = 0;
        int multiplier = 1;
        for (int i = 0; ; i++) {
            if (i == 4) {
                throw new AssertionError("remaining length longer than 4 bytes: " + Hex.format(packet.toByteArray()));
            }
            int digit = read(1, remaining(deadline))[0] & 0xFF;
            packet.write(digit);
            length += (digit & 0x7F) * multiplier;
            multiplier *= 128;
            if ((digit & 0x80) == 0) {
                break;
            }
        }
        packet.writeBytes(read(length, remaining(deadline)));
        return packet.toByteArray();
    }

    public byte[] readPacket() {
        return readPacket(DEFAULT_TIMEOUT);
    }

    /** Reads the next packet and asserts it is a PUBLISH. */
    public ReceivedPublish readPublish(Duration timeout) {
        return ReceivedPublish.parse(readPacket(timeout));
    }

    public ReceivedPublish readPublish() {
        return readPublish(DEFAULT_TIMEOUT);
    }

    /** Reads the next packet and asserts it is an MQTT 5.0 PUBLISH (with a property block). */
    public ReceivedMqtt5Publish readMqtt5Publish(Duration timeout) {
        return ReceivedMqtt5Publish.parse(readPacket(timeout));
    }

    public ReceivedMqtt5Publish readMqtt5Publish() {
        return readMqtt5Publish(DEFAULT_TIMEOUT);
    }

    /** Reads the next packet as an MQTT 5.0 CONNACK, ack, SUBACK, UNSUBACK, PINGRESP, DISCONNECT or AUTH. */
    public ReceivedMqtt5Packet readMqtt5Packet(Duration timeout) {
        return ReceivedMqtt5Packet.parse(readPacket(timeout));
    }

    public ReceivedMqtt5Packet readMqtt5Packet() {
        return readMqtt5Packet(DEFAULT_TIMEOUT);
    }

    /** Asserts the next whole packet is exactly this one (the message shows the whole packet seen). */
    public RawMqttClient expectPacket(byte[] expected) {
        byte[] actual = readPacket();
        if (!Arrays.equals(expected, actual)) {
            throw new AssertionError("expected packet " + Hex.format(expected) + " but got " + Hex.format(actual));
        }
        return this;
    }

    public RawMqttClient expectPacket(String hex) {
        return expectPacket(Hex.parse(hex));
    }

    /**
     * Asserts the broker closes the connection (end of stream or reset) within the timeout without sending
     * anything more.
     */
    public void expectClosed(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[256];
        try {
            int n = readWithDeadline(buffer, 0, buffer.length, deadline);
            if (n >= 0) {
                throw new AssertionError("expected the broker to close the connection but received "
                        + Hex.format(Arrays.copyOf(buffer, n)));
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the broker did not close the connection within " + timeout.toMillis() + " ms");
        } catch (SocketException e) {
            // A reset is a close as far as MQTT is concerned: the broker dropped the connection.
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void expectClosed() {
        expectClosed(DEFAULT_TIMEOUT);
    }

    /** Asserts nothing arrives and the connection stays open for this long; use only where no reply can be awaited. */
    public void expectNothing(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        byte[] buffer = new byte[256];
        try {
            int n = readWithDeadline(buffer, 0, buffer.length, deadline);
            throw new AssertionError(n < 0 ? "the broker closed the connection"
                    : "expected nothing but received " + Hex.format(Arrays.copyOf(buffer, n)));
        } catch (SocketTimeoutException expected) {
            // Silence for the whole duration is what the caller asked for.
        } catch (IOException e) {
            throw new AssertionError("the connection failed while expecting nothing", e);
        }
    }

    /** Closes the socket abruptly, without DISCONNECT: to the broker this is a network failure. */
    @Override
    public void close() {
        closeQuietly(socket);
    }

    public boolean isClosed() {
        return socket.isClosed();
    }

    private int readWithDeadline(byte[] buffer, int offset, int length, long deadline) throws IOException {
        socket.setSoTimeout((int) Math.max(1, remaining(deadline).toMillis()));
        return in.read(buffer, offset, length);
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is best effort: the test is over with this socket either way.
        }
    }
}
