package io.ternmq.transport;

import io.netty.channel.EventLoop;
import io.ternmq.core.ClientChannel;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.Puback;
import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Packets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Moves back and forth while a client sends as fast as it can, with the core's hand-off modelled: a packet read on
 * the session's loop is handled at once, one read on another loop is gathered and handed over by a task that loop
 * queues for itself (as {@code TaskBatches} does). A move must not let the new loop handle a packet before those
 * the old loop read and had not handed over yet: a PUBLISH overtaking an earlier one breaks MQTT's order, a
 * writability report overtaking an earlier one leaves the session believing the client congested for good.
 */
class ChannelMoveOrderTest {

    private static final int PACKETS = 200_000;

    private final IoThreads io = IoThreads.start(2, IoEngine.AUTO);
    private final EventLoop sessionLoop = ((LoopExecutor) io.executor(0)).loop();
    private final EventLoop otherLoop = ((LoopExecutor) io.executor(1)).loop();
    private final LoopServers servers = new LoopServers(io);
    private final CompletableFuture<HandingOverConnection> connected = new CompletableFuture<>();

    @AfterEach
    void close() throws Exception {
        servers.close();
    }

    @Test
    void moveTo_backAndForthUnderAStreamOfPackets_sessionGetsThemInTheOrderSent() throws Exception {
        MqttServer server = servers.start(io, channel -> {
            var connection = new HandingOverConnection(channel);
            connected.complete(connection);
            return connection;
        });
        Socket socket = servers.connect(server);
        OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        out.write(Packets.connect("stream", CleanSession.YES, 0));
        out.flush();
        HandingOverConnection connection = connected.get(5, TimeUnit.SECONDS);
        NettyClientChannel channel = (NettyClientChannel) connection.channel;
        // every 200 us, whichever loop the channel is on sends it to the other one (moveTo does nothing elsewhere)
        var moves = List.of(
                sessionLoop.scheduleAtFixedRate(() -> channel.moveTo(otherLoop), 0, 200, TimeUnit.MICROSECONDS),
                otherLoop.scheduleAtFixedRate(() -> channel.moveTo(sessionLoop), 0, 200, TimeUnit.MICROSECONDS));
        servers.closeLater(() -> moves.forEach(move -> move.cancel(false)));

        int sent = 0;
        // more until a tenth was read away from the session's loop (many moves each way), within reason
        while (sent < PACKETS || connection.readOnOtherLoop < PACKETS / 10) {
            assertThat(sent).as("never read on the other loop").isLessThan(20 * PACKETS);
            for (int i = 0; i < PACKETS / 10; i++, sent++) {
                out.write(Packets.puback(packetId(sent)));
            }
            out.flush();
        }

        int total = sent;
        await().atMost(Duration.ofSeconds(60)).until(() -> connection.handled.size() == total);
        assertThat(List.copyOf(connection.handled)).containsExactlyElementsOf(
                IntStream.range(0, total).map(ChannelMoveOrderTest::packetId).boxed().toList());
    }

    /** 1 to 65,535 over and over: 0 is no packet identifier. */
    private static int packetId(int index) {
        return index % 65_535 + 1;
    }

    /** Its session runs on the session loop; what it reads elsewhere reaches the session as the core's would. */
    private final class HandingOverConnection extends PacketsOnlyConnection {

        /** Appended on the session loop only. */
        final List<Integer> handled = Collections.synchronizedList(new ArrayList<>());
        /** Read on the other loop and not handed over yet; that loop only. */
        private final List<Integer> gathered = new ArrayList<>();
        volatile int readOnOtherLoop;

        HandingOverConnection(ClientChannel channel) {
            super(channel);
        }

        @Override
        public void onPacket(MqttPacket packet) {
            if (packet instanceof Connect) {
                channel.shareThreadWith(io.executor(0));
            } else if (packet instanceof Puback puback) {
                if (sessionLoop.inEventLoop()) {
                    handled.add(puback.packetId());
                    return;
                }
                readOnOtherLoop++;
                if (gathered.isEmpty()) {
                    otherLoop.execute(this::handOver); // after what the loop queued before, as TaskBatches's flush
                }
                gathered.add(puback.packetId());
            }
        }

        private void handOver() {
            List<Integer> batch = List.copyOf(gathered);
            gathered.clear();
            sessionLoop.execute(() -> handled.addAll(batch));
        }
    }
}
