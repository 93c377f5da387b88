package io.ternmq.transport;

import io.ternmq.core.ClientChannel;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.Puback;
import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Packets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link LoopBalancer} with two real loops, a short period and real work. A task holds the loop of the clients'
 * sessions up 18 ms of every 20, mostly parked, as a loop capped by a CPU quota is held up, so that it never waits for
 * work without taking a core a test machine may not have; each PUBACK read costs 40 us more. Connections leave that
 * loop for the other, without losing or reordering what they read or what their session sends them, and come back
 * when the other is the one held up.
 */
class LoopBalancerTest {

    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long WORK_PER_PACKET_NANOS = TimeUnit.MICROSECONDS.toNanos(40);
    private static final int CLIENTS = 8;

    private final IoThreads io = IoThreads.start(2, IoEngine.AUTO, new LoopBalancer.Settings(true, PERIOD_NANOS,
            ManagementFactory.getThreadMXBean()::getCurrentThreadCpuTime));
    private final LoopServers servers = new LoopServers(io);
    private final List<EchoingConnection> connections = new CopyOnWriteArrayList<>();
    /** The id of the last PUBACK each client sent: every client gets 1, 2, 3... */
    private int lastId;

    @AfterEach
    void close() throws Exception {
        servers.close();
    }

    @Test
    void busyLoop_someConnectionsMoveToTheOther_everyPacketArrivesOnceAndInOrderBothWays() throws Exception {
        Thread other = threadOf(io.executor(1));
        MqttServer server = start();
        List<Socket> sockets = connectAll(server);
        holdUp(io.executor(0), 4);

        int sent = pubacksUntil(sockets, () -> connections.stream().anyMatch(c -> c.threads.contains(other)));

        await().until(() -> connections.stream().allMatch(c -> c.ids.size() == sent));
        assertThat(connections).allSatisfy(c -> assertThat(c.ids).containsExactlyElementsOf(ids(sent)));
        long moved = connections.stream().filter(c -> c.threads.getLast() == other).count();
        assertThat(moved).as("moved, but never all: the last one would carry the whole loop")
                .isBetween(1L, CLIENTS - 1L);
        assertThat(server.stats().connectionMoves()).as("counted").isGreaterThanOrEqualTo(moved);
        for (Socket socket : sockets) {
            assertEchoes(socket, sent);
        }
    }

    @Test
    void sessionsLoopLessBusyAgain_movedConnectionsGoBackToIt() throws Exception {
        Thread other = threadOf(io.executor(1));
        List<Socket> sockets = connectAll(start());
        Future<?> sessionsLoopHeldUp = holdUp(io.executor(0), 4);
        int sentFirst = pubacksUntil(sockets, () -> connections.stream().anyMatch(c -> c.threads.contains(other)));
        await().until(() -> connections.stream().allMatch(c -> c.ids.size() == sentFirst));
        long movedAway = connections.stream().filter(c -> c.threads.getLast() == other).count();

        sessionsLoopHeldUp.cancel(false);
        holdUp(io.executor(1), 10); // now the other never waits, and is well ahead of the first in CPU time
        int sentAfter = pubacksUntil(sockets, () -> connections.stream().filter(c -> c.threads.getLast() == other)
                .count() < movedAway);

        int sent = sentFirst + sentAfter;
        await().until(() -> connections.stream().allMatch(c -> c.ids.size() == sent));
        assertThat(connections).allSatisfy(c -> assertThat(c.ids).containsExactlyElementsOf(ids(sent)));
    }

    /** The clients alone keep the sessions' loop busy a third of the time, far ahead of the other: nothing to gain. */
    @Test
    void busyLoopThatStillWaitsForWork_connectionsStayOnTheirSessionsLoop() throws Exception {
        Thread home = threadOf(io.executor(0));
        MqttServer server = start();
        List<Socket> sockets = connectAll(server);
        long deadline = System.nanoTime() + 25 * PERIOD_NANOS;

        int sent = pubacksUntil(sockets, () -> System.nanoTime() > deadline);

        await().until(() -> connections.stream().allMatch(c -> c.ids.size() == sent));
        assertThat(connections).allSatisfy(c -> assertThat(c.threads).containsOnly(home));
        assertThat(server.stats().connectionMoves()).isZero();
    }

    @Test
    void balancingOff_busyLoop_connectionsStayOnTheirSessionsLoop() throws Exception {
        IoThreads unbalanced = IoThreads.start(2, IoEngine.AUTO);
        servers.closeLater(unbalanced); // closed after the server started on it
        Thread home = threadOf(unbalanced.executor(0));
        List<Socket> sockets = connectAll(start(unbalanced));
        holdUp(unbalanced.executor(0), 4);
        long deadline = System.nanoTime() + 20 * PERIOD_NANOS;

        int sent = pubacksUntil(sockets, () -> System.nanoTime() > deadline);

        await().until(() -> connections.stream().allMatch(c -> c.ids.size() == sent));
        assertThat(connections).allSatisfy(c -> assertThat(c.threads).containsOnly(home));
    }

    private MqttServer start() {
        return start(io);
    }

    private MqttServer start(IoThreads threads) {
        return servers.start(threads, channel -> {
            var connection = new EchoingConnection(channel, threads.executor(0));
            connections.add(connection);
            return connection;
        });
    }

    /** Connects the clients; each joins loop 0, where the test's sessions run. */
    private List<Socket> connectAll(MqttServer server) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Socket socket = servers.connect(server);
            socket.getOutputStream().write(Packets.connect("client-" + i, CleanSession.YES, 0));
            sockets.add(socket);
        }
        await().until(() -> connections.size() == CLIENTS
                && connections.stream().allMatch(c -> c.homeThread.isDone()));
        return sockets;
    }

    /** Sends each client PUBACKs with rising ids, one round every millisecond, until {@code done}; returns how many. */
    private int pubacksUntil(List<Socket> sockets, BooleanSupplier done) throws Exception {
        int sent = 0;
        long start = System.nanoTime();
        long giveUp = start + TimeUnit.SECONDS.toNanos(30);
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the condition never came true").isLessThan(giveUp);
            int id = ++lastId;
            for (Socket socket : sockets) {
                socket.getOutputStream().write(Packets.puback(id));
            }
            sent++;
            // a round per millisecond on average, a late one made up at once: the load must not drift below the loop
            LockSupport.parkNanos(start + sent * TimeUnit.MILLISECONDS.toNanos(1) - System.nanoTime());
        }
        return sent;
    }

    private static List<Integer> ids(int count) {
        return IntStream.rangeClosed(1, count).boxed().toList();
    }

    private static void assertEchoes(Socket socket, int count) throws IOException {
        InputStream in = socket.getInputStream();
        for (int id = 1; id <= count; id++) {
            assertThat(in.readNBytes(4)).as("echo %d", id).containsExactly(Packets.puback(id));
        }
    }

    /** Holds {@code executor}'s loop up 18 ms of every period of 20, {@code cpuMillis} of them on CPU. */
    private Future<?> holdUp(Executor executor, int cpuMillis) {
        Future<?> task = ((LoopExecutor) executor).loop().scheduleAtFixedRate(() -> {
            spin(TimeUnit.MILLISECONDS.toNanos(cpuMillis));
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(18 - cpuMillis));
        }, 0, PERIOD_NANOS, TimeUnit.NANOSECONDS);
        servers.closeLater(() -> task.cancel(false));
        return task;
    }

    private static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    private static Thread threadOf(Executor executor) throws Exception {
        var thread = new CompletableFuture<Thread>();
        executor.execute(() -> thread.complete(Thread.currentThread()));
        return thread.get(5, TimeUnit.SECONDS);
    }

    /**
     * A connection whose session runs on loop 0: it joins that loop on CONNECT, records each PUBACK with the thread
     * it was read on, and sends it back from the session's loop, wherever the connection is by then.
     */
    private static final class EchoingConnection extends PacketsOnlyConnection {

        final Executor session;
        final List<Integer> ids = new CopyOnWriteArrayList<>();
        final List<Thread> threads = new CopyOnWriteArrayList<>();
        final CompletableFuture<Thread> homeThread = new CompletableFuture<>();

        EchoingConnection(ClientChannel channel, Executor session) {
            super(channel);
            this.session = session;
        }

        @Override
        public void onPacket(MqttPacket packet) {
            if (packet instanceof Connect) {
                channel.shareThreadWith(session);
                session.execute(() -> homeThread.complete(Thread.currentThread()));
            } else if (packet instanceof Puback puback) {
                spin(WORK_PER_PACKET_NANOS);
                threads.add(Thread.currentThread());
                ids.add(puback.packetId());
                session.execute(() -> channel.send(new Puback(puback.packetId())));
            }
        }
    }
}
