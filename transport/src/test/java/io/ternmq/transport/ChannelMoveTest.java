package io.ternmq.transport;

import io.netty.channel.EventLoop;
import io.ternmq.core.ClientChannel;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.Puback;
import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Hex;
import io.ternmq.testkit.Packets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link ClientChannel#shareThreadWith}: a connection moves to its session's IO thread after CONNECT without losing,
 * reordering or duplicating anything it reads or writes, and a close during the move still reaches the core once.
 */
class ChannelMoveTest {

    private static final int PACKETS = 200;
    /** Enough PUBACKs to fill the socket buffers, so that some writes wait for the socket to drain. */
    private static final int SENDS = 50_000;

    private final IoThreads io = IoThreads.start(2, IoEngine.AUTO);
    private final LoopServers servers = new LoopServers(io);
    private final List<MovingConnection> connections = new CopyOnWriteArrayList<>();
    /** What a connection does when its CONNECT arrives (on the loop it was accepted on). */
    private BiConsumer<MovingConnection, Executor> onConnect = (connection, target) ->
            connection.channel.shareThreadWith(target);
    /** What a connection does when a PINGREQ arrives (on the loop it is on then). */
    private Consumer<MovingConnection> onPingreq = connection -> { };

    @AfterEach
    void close() throws Exception {
        servers.close();
    }

    @Test
    void shareThreadWith_otherIoThread_packetsPipelinedWithConnectAndAfterArriveInOrderThenOnThatThread()
            throws Exception {
        Socket socket = connect(start());
        byte[] pingreqs = pingreqs(PACKETS);

        socket.getOutputStream().write(Hex.concat(Packets.connect("mover", CleanSession.YES, 60), pingreqs));
        MovingConnection connection = awaitConnection();
        await().until(() -> connection.packets.size() == 1 + PACKETS);
        socket.getOutputStream().write(pingreqs);

        await().until(() -> connection.packets.size() == 1 + 2 * PACKETS);
        assertThat(connection.packets.getFirst()).isInstanceOf(Connect.class);
        assertThat(connection.packets.subList(1, connection.packets.size()))
                .allSatisfy(packet -> assertThat(packet.type()).isEqualTo(PacketType.PINGREQ));
        assertThat(connection.threads.getLast()).isEqualTo(connection.target.get(5, TimeUnit.SECONDS));
        assertThat(connection.threads.getFirst()).isNotEqualTo(connection.threads.getLast());
    }

    @Test
    void shareThreadWith_sendsFromBothThreadsDuringTheMove_allWrittenInTheOrderSent() throws Exception {
        onConnect = (connection, target) -> {
            connection.channel.shareThreadWith(target);
            for (int id = 1; id <= SENDS; id++) {
                connection.channel.send(new Puback(id % 65_536)); // from the old thread, the move under way
            }
            target.execute(() -> {
                for (int id = SENDS + 1; id <= 2 * SENDS; id++) {
                    // from the new thread, perhaps before it registered
                    connection.channel.send(new Puback(id % 65_536));
                }
            });
        };
        Socket socket = connect(start());

        socket.getOutputStream().write(Packets.connect("sender", CleanSession.YES, 60));

        InputStream in = socket.getInputStream();
        for (int id = 1; id <= 2 * SENDS; id++) {
            assertThat(in.readNBytes(4)).as("PUBACK %d", id).containsExactly(Packets.puback(id % 65_536));
        }
    }

    /** After the move, the channel's own loop and another thread send at once: each thread's sends arrive in order. */
    @Test
    void send_fromTheChannelsLoopAndAnotherThreadAtOnce_eachThreadsSendsArriveInOrder() throws Exception {
        int perThread = SENDS / 2;
        int otherFirst = 30_000;
        onPingreq = connection -> {
            var other = new Thread(() -> {
                for (int id = otherFirst; id < otherFirst + perThread; id++) {
                    connection.channel.send(new Puback(id));
                }
            });
            other.start();
            for (int id = 1; id <= perThread; id++) {
                connection.channel.send(new Puback(id));
            }
        };
        Socket socket = connect(start());
        socket.getOutputStream().write(Packets.connect("mixer", CleanSession.YES, 60));
        MovingConnection connection = awaitConnection();
        Thread target = connection.target.get(5, TimeUnit.SECONDS);

        socket.getOutputStream().write(Packets.pingreq());

        List<Integer> fromLoop = new ArrayList<>();
        List<Integer> fromOther = new ArrayList<>();
        InputStream in = socket.getInputStream();
        for (int i = 0; i < 2 * perThread; i++) {
            byte[] puback = in.readNBytes(4);
            int id = (puback[2] & 0xFF) << 8 | puback[3] & 0xFF;
            (id < otherFirst ? fromLoop : fromOther).add(id);
        }
        assertThat(connection.threads.getLast()).isEqualTo(target); // the PINGREQ was read on the new loop
        assertThat(fromLoop).containsExactlyElementsOf(IntStream.rangeClosed(1, perThread).boxed().toList());
        assertThat(fromOther).containsExactlyElementsOf(
                IntStream.range(otherFirst, otherFirst + perThread).boxed().toList());
    }

    /** A balancing move under load: Netty holds flushed bytes the socket did not take yet when the move starts. */
    @Test
    void moveTo_whileWrittenBytesWaitForTheSocket_everythingArrivesAfterTheMove() throws Exception {
        int sends = 1_000_000; // 4 MB: more than loopback's socket buffers take
        onPingreq = connection -> {
            for (int id = 1; id <= sends; id++) {
                connection.channel.send(new Puback(id % 65_536));
            }
        };
        Socket socket = connect(start());
        socket.getOutputStream().write(Packets.connect("stuck", CleanSession.YES, 60));
        MovingConnection connection = awaitConnection();
        Thread target = connection.target.get(5, TimeUnit.SECONDS);
        socket.getOutputStream().write(Packets.pingreq()); // the client reads nothing yet: the socket fills
        await().until(() -> connection.packets.size() == 2);
        NettyClientChannel channel = (NettyClientChannel) connection.channel;
        EventLoop first = ((LoopExecutor) io.executor(0)).loop();
        EventLoop second = ((LoopExecutor) io.executor(1)).loop();
        EventLoop current = first.submit(() -> Thread.currentThread() == target).get() ? first : second;
        current.execute(() -> channel.moveTo(current == first ? second : first)); // after the writes queued there

        InputStream in = new BufferedInputStream(socket.getInputStream());
        for (int id = 1; id <= sends; id++) {
            assertThat(in.readNBytes(4)).as("PUBACK %d", id).containsExactly(Packets.puback(id % 65_536));
        }
    }

    /**
     * A balancing move away from the loop of the session that sends: what that loop queued for itself before the move
     * goes out before what it sends during the move.
     */
    @Test
    void moveTo_sendsQueuedOnTheOldLoopBeforeTheMove_writtenBeforeThoseSentDuringIt() throws Exception {
        EventLoop first = ((LoopExecutor) io.executor(0)).loop();
        EventLoop second = ((LoopExecutor) io.executor(1)).loop();
        onPingreq = connection -> {
            NettyClientChannel channel = (NettyClientChannel) connection.channel;
            for (int id = 1; id <= PACKETS; id++) {
                channel.send(new Puback(id)); // on the channel's loop: queued there for the loop itself
            }
            channel.moveTo(first.inEventLoop() ? second : first);
            for (int id = PACKETS + 1; id <= 2 * PACKETS; id++) {
                channel.send(new Puback(id)); // the move under way
            }
        };
        Socket socket = connect(start());
        socket.getOutputStream().write(Packets.connect("leaver", CleanSession.YES, 60));
        awaitConnection().target.get(5, TimeUnit.SECONDS);

        socket.getOutputStream().write(Packets.pingreq());

        InputStream in = socket.getInputStream();
        for (int id = 1; id <= 2 * PACKETS; id++) {
            assertThat(in.readNBytes(4)).as("PUBACK %d", id).containsExactly(Packets.puback(id));
        }
    }

    @Test
    void shareThreadWith_peerClosesRightAfterConnect_coreToldOfTheCloseOnceEachTime() throws Exception {
        MqttServer server = start();
        int rounds = 50;

        for (int i = 0; i < rounds; i++) {
            // the close often arrives in the same read as the CONNECT, so the channel closes mid-move
            try (Socket socket = connect(server)) {
                socket.getOutputStream().write(Hex.concat(Packets.connect("closer-" + i, CleanSession.YES, 60),
                        pingreqs(3)));
            }
        }

        await().until(() -> connections.size() == rounds
                && connections.stream().allMatch(connection -> connection.closes.get() >= 1));
        assertThat(connections).allSatisfy(connection -> assertThat(connection.closes).hasValue(1));
    }

    @Test
    void shareThreadWith_coreClosesDuringTheMove_peerSeesTheEndAndCoreToldOnce() throws Exception {
        // Netty reports no close of a channel that is not registered, so a close must wait for the move to end
        onConnect = (connection, target) -> {
            connection.channel.shareThreadWith(target);
            target.execute(() -> {
                connection.channel.send(new Puback(1));
                connection.channel.close();
            });
        };
        MqttServer server = start();
        int rounds = 50;

        for (int i = 0; i < rounds; i++) {
            Socket socket = connect(server);
            socket.getOutputStream().write(Packets.connect("closed-" + i, CleanSession.YES, 60));
            assertThat(socket.getInputStream().readAllBytes()).containsExactly(Packets.puback(1));
        }

        await().until(() -> connections.size() == rounds
                && connections.stream().allMatch(connection -> connection.closes.get() >= 1));
        assertThat(connections).allSatisfy(connection -> assertThat(connection.closes).hasValue(1));
    }

    @Test
    void shareThreadWith_notAnIoThread_connectionStaysOnItsLoop() throws Exception {
        onConnect = (connection, target) -> connection.channel.shareThreadWith(Runnable::run);
        Socket socket = connect(start());

        socket.getOutputStream().write(Hex.concat(Packets.connect("stayer", CleanSession.YES, 60), pingreqs(3)));
        MovingConnection connection = awaitConnection();
        await().until(() -> connection.packets.size() == 4);
        socket.getOutputStream().write(Packets.pingreq());

        await().until(() -> connection.packets.size() == 5);
        assertThat(connection.threads).containsOnly(connection.threads.getFirst());
    }

    @Test
    void moveTo_awayFromItsSessionsLoop_coreToldOnceOnTheNewLoop_backHomeNotTold() throws Exception {
        AtomicBoolean balanced = new AtomicBoolean();
        onPingreq = connection -> {
            // the first PINGREQ read at home: balancing moves it away, once
            if (Thread.currentThread() == connection.target.getNow(null) && !balanced.get()
                    && ((NettyClientChannel) connection.channel).moveTo(connection.otherLoop())) {
                balanced.set(true);
            }
        };
        Socket socket = connect(start());
        socket.getOutputStream().write(Packets.connect("balanced", CleanSession.YES, 60));
        MovingConnection connection = awaitConnection();
        Thread home = connection.target.get(5, TimeUnit.SECONDS);

        await().until(() -> {
            socket.getOutputStream().write(Packets.pingreq()); // until one is read at home, after the first move
            return !connection.balancedMoves.isEmpty();
        });
        Thread away = connection.balancedMoves.getFirst();
        Thread ranOn = ioThreadOf(connection);
        connection.channel.shareThreadWith(connection.homeExecutor);
        await().until(() -> ioThreadOf(connection) == home);
        await().until(() -> {
            socket.getOutputStream().write(Packets.pingreq());
            return connection.threads.getLast() == home;
        });

        assertThat(away).isNotEqualTo(home);
        assertThat(ranOn).as("runs on the loop it is on").isEqualTo(away);
        assertThat(connection.balancedMoves).as("a move home is no balancing move").containsExactly(away);
    }

    /** The thread {@link ClientChannel#runOnIoThread} runs a task on now. */
    private static Thread ioThreadOf(MovingConnection connection) throws Exception {
        CompletableFuture<Thread> ranOn = new CompletableFuture<>();
        connection.channel.runOnIoThread(() -> ranOn.complete(Thread.currentThread()));
        return ranOn.get(5, TimeUnit.SECONDS);
    }

    private MqttServer start() {
        return servers.start(io, channel -> {
            var connection = new MovingConnection(channel);
            connections.add(connection);
            return connection;
        });
    }

    private Socket connect(MqttServer server) throws IOException {
        return servers.connect(server);
    }

    private MovingConnection awaitConnection() {
        await().until(() -> connections.size() == 1 && !connections.getFirst().packets.isEmpty());
        return connections.getFirst();
    }

    private static byte[] pingreqs(int count) {
        byte[] bytes = new byte[2 * count];
        for (int i = 0; i < count; i++) {
            bytes[2 * i] = (byte) 0xC0; // PINGREQ, remaining length 0
        }
        return bytes;
    }

    /** Records packets with the thread each arrived on; on CONNECT, moves to the IO thread it is not on. */
    private final class MovingConnection extends PacketsOnlyConnection {

        final List<MqttPacket> packets = new CopyOnWriteArrayList<>();
        final List<Thread> threads = new CopyOnWriteArrayList<>();
        final AtomicInteger closes = new AtomicInteger();
        final CompletableFuture<Thread> target = new CompletableFuture<>();
        /** The threads it was on when told balancing moved it away from its session's loop. */
        final List<Thread> balancedMoves = new CopyOnWriteArrayList<>();
        volatile Executor homeExecutor;

        MovingConnection(ClientChannel channel) {
            super(channel);
        }

        @Override
        public void onPacket(MqttPacket packet) {
            threads.add(Thread.currentThread());
            packets.add(packet);
            if (packet instanceof Connect) {
                Executor other = otherIoThread();
                homeExecutor = other;
                other.execute(() -> target.complete(Thread.currentThread()));
                onConnect.accept(this, other);
            } else if (packet.type() == PacketType.PINGREQ) {
                onPingreq.accept(this);
            }
        }

        private Executor otherIoThread() {
            for (int i = 0; i < io.count(); i++) {
                if (!((LoopExecutor) io.executor(i)).loop().inEventLoop()) {
                    return io.executor(i);
                }
            }
            throw new AssertionError("no other IO thread");
        }

        /** The loop of the IO thread it is not on now. */
        EventLoop otherLoop() {
            return ((LoopExecutor) otherIoThread()).loop();
        }

        @Override
        public void onMovedByBalancing() {
            balancedMoves.add(Thread.currentThread());
        }

        @Override
        public void onChannelClosed() {
            closes.incrementAndGet();
        }
    }
}
