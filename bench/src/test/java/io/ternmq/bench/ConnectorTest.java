package io.ternmq.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import io.ternmq.protocol.Qos;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConnectorTest {

    /** The stalled broker's SO_RCVBUF: fixed, so that the kernel does not grow it either. */
    private static final int PEER_RECEIVE_BUFFER = 16 * 1024;

    /**
     * A publisher counts a message as sent when its connection takes it, so what it counts beyond what the broker
     * has read is what the connection buffers: the channel up to its high-water mark, the kernel's send buffer, and
     * the broker's receive buffer. Left to grow, the send buffer alone took nearly 4 MiB, and the publisher of a
     * fan-out counted nothing for over a second while the broker read a third of it.
     */
    @Test
    void connection_brokerStopsReading_publisherCountsOnlyWhatTheBoundedBuffersHold()
            throws IOException, InterruptedException, ExecutionException {
        try (StalledBroker broker = StalledBroker.start(); Connector connector = new Connector(settings(broker))) {
            LongAdder sent = new LongAdder();
            PublishTemplate template = new PublishTemplate("t", Qos.AT_MOST_ONCE, BenchSettings.MIN_MESSAGE_SIZE);
            Publisher publisher = new Publisher(template, 1, 0, sent);
            BenchConnection connection = connector.connectAll(List.of("stalled-publisher"), List.of(publisher))
                    .getFirst();
            Channel channel = connection.channel();

            publisher.start(connection);
            // the channel holds messages only once the kernel refuses them: every buffer on the way is full
            await().atMost(Duration.ofMinutes(1)).until(() -> !channel.isWritable());
            long counted = channel.eventLoop().submit(sent::sum).get(); // after the publisher's turn in progress
            publisher.stop();

            // Linux doubles the SO_SNDBUF and SO_RCVBUF asked for, to cover its own bookkeeping
            long buffered = channel.config().getWriteBufferHighWaterMark() + 2L * Connector.SEND_BUFFER_BYTES
                    + 2L * PEER_RECEIVE_BUFFER;
            assertThat(counted * wireBytes(template)).isPositive().isLessThanOrEqualTo(buffered);
        }
    }

    private static int wireBytes(PublishTemplate template) {
        ByteBuf message = template.next(UnpooledByteBufAllocator.DEFAULT, 1, 0);
        try {
            return message.readableBytes();
        } finally {
            message.release();
        }
    }

    private static BenchSettings settings(StalledBroker broker) {
        return new BenchSettings("127.0.0.1", broker.port(), Duration.ZERO, Duration.ZERO,
                BenchSettings.MIN_MESSAGE_SIZE, 1, 1, 1, 1, false, Optional.empty(), 0, 1,
                new BenchSettings.Sizes(1, 1, 1, 1), OptionalLong.empty());
    }

    /** Accepts one client, answers its CONNECT with a CONNACK and reads nothing more: a broker that stopped reading. */
    private static final class StalledBroker implements AutoCloseable {

        private static final byte[] CONNACK_ACCEPTED = {0x20, 0x02, 0x00, 0x00};

        private final ServerSocket server;
        private final CompletableFuture<Socket> client = new CompletableFuture<>();

        private StalledBroker(ServerSocket server) {
            this.server = server;
        }

        static StalledBroker start() throws IOException {
            ServerSocket server = new ServerSocket();
            server.setReceiveBufferSize(PEER_RECEIVE_BUFFER); // accepted sockets inherit it
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            StalledBroker broker = new StalledBroker(server);
            Thread.ofPlatform().daemon().name("stalled-broker").start(broker::acceptOne);
            return broker;
        }

        int port() {
            return server.getLocalPort();
        }

        private void acceptOne() {
            try {
                Socket socket = server.accept();
                client.complete(socket);
                skipPacket(socket.getInputStream());
                socket.getOutputStream().write(CONNACK_ACCEPTED);
            } catch (IOException e) {
                client.completeExceptionally(e);
                throw new UncheckedIOException(e);
            }
        }

        /** The CONNECT: a fixed header byte, the remaining length (a variable byte integer), then that many bytes. */
        private static void skipPacket(InputStream in) throws IOException {
            in.readNBytes(1);
            int length = 0;
            int shift = 0;
            int digit;
            do {
                digit = in.read();
                if (digit < 0) {
                    throw new EOFException("the client closed before its CONNECT was complete");
                }
                length |= (digit & 0x7F) << shift;
                shift += 7;
            } while ((digit & 0x80) != 0);
            in.readNBytes(length);
        }

        @Override
        public void close() throws IOException {
            server.close();
            if (client.isDone() && !client.isCompletedExceptionally()) {
                client.join().close();
            }
        }
    }
}
