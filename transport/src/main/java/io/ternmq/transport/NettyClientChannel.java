package io.ternmq.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.Future;
import io.ternmq.core.ClientChannel;
import io.ternmq.core.ListenerIdentity;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.Publish;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The core's handle on one Netty channel. Callable from any thread: sent packets pass through a queue that the
 * channel's event loop drains in batches (a plain one for packets sent on that loop); pipeline and read-state
 * changes are run on the event loop, where the state below lives.
 * <p>
 * Keep-alive state: {@code keepAlive} is what the core armed ({@link Duration#ZERO} = off). The idle handler is in
 * the pipeline only while armed and reading: while the broker itself pauses reading, the client cannot be
 * blamed for silence, and re-installing a fresh handler on resume restarts the clock.
 */
final class NettyClientChannel implements ClientChannel {

    private static final Logger log = LoggerFactory.getLogger(NettyClientChannel.class);

    /** How long {@link #close()} waits for queued packets to drain to a peer that stopped reading. */
    private static final Duration CLOSE_DRAIN_LIMIT = Duration.ofSeconds(5);

    /** Most packets encoded as one batch: the rest of a longer queue follows in further batches. */
    private static final int MAX_BURST = 256;

    /** Marks a close request in the outbound queue, after the packets sent before it. */
    private static final Object CLOSE = new Object();

    private final Channel channel;
    private final String remoteAddress;
    private final @Nullable LoopBalancer balancer;
    /**
     * Packets (and {@link #CLOSE}) from any thread, written in order by {@link #drain()} on the event loop. A linked
     * queue: about 50 bytes while empty, where Netty's padded array queues cost an idle connection 0.6 to 4 KiB.
     */
    private final Queue<Object> outbound = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainPending = new AtomicBoolean();
    /**
     * Packets sent on the channel's loop itself (a session running there), after everything in {@code outbound}:
     * no node and no atomic instruction per packet. Created on the first such send; loop only.
     */
    private @Nullable ArrayDeque<Object> fromLoop;
    /** Whether a drain is posted for {@code fromLoop}; loop only. */
    private boolean loopDrainPending;
    /** About the bytes sent to {@code fromLoop} since the last drain; loop only. */
    private long loopBytes;
    /** Whether it is in its loop's {@link LoopWrites}; loop only. */
    private boolean listedForWrite;
    private final Runnable drain = this::drain;
    /** While moving to another loop ({@link #shareThreadWith}); read and written on the channel's loop only. */
    private boolean moving;
    private Duration keepAlive = Duration.ZERO;
    private ReadState readState = ReadState.READING;
    /** The loop of the session it joined ({@link #shareThreadWith}), where balancing sends it back; loop only. */
    private @Nullable EventLoop home;
    /** The load of the loop it is registered on, null while it moves or after it closed; loop only. */
    private @Nullable LoopLoad load;
    /** Its place in that load's list; loop only. */
    private int loadIndex;
    /** Times the loop's work on this connection while the loops are balanced, else null. */
    private final @Nullable LoadMeter meter;

    /** On its event loop; a channel built outside a listener (tests) has no balancer. */
    NettyClientChannel(Channel channel, @Nullable LoopBalancer balancer) {
        this.channel = channel;
        this.remoteAddress = SocketAddresses.format(channel.remoteAddress());
        this.balancer = balancer;
        LoopLoad registeredOn = balancer == null ? null : balancer.of(channel.eventLoop());
        this.meter = registeredOn == null ? null : channel.pipeline().get(LoadMeter.class);
        if (registeredOn != null) {
            registeredOn.join(this);
        }
    }

    @Override
    public void send(MqttPacket packet) {
        enqueue(packet);
    }

    @Override
    public void close() {
        if (!channel.isOpen()) {
            return;
        }
        enqueue(CLOSE); // behind the packets already sent, so that they (e.g. a refusing CONNACK) go out first
    }

    /**
     * Session threads send many packets to a channel in one burst (a fan-out, a queue drained on reconnect): one
     * event-loop task per burst writes them all and flushes once (or whenever the high water mark would be passed),
     * where a task and a wake-up per packet cost more than the encoding. Every send takes one of the two queues
     * as {@link #enqueueFromLoop} and {@link #next} describe, so the order of sends from any one thread holds.
     */
    private void enqueue(Object item) {
        if (channel.eventLoop().inEventLoop() && !moving && (fromLoop != null && !fromLoop.isEmpty()
                || outbound.isEmpty())) {
            enqueueFromLoop(item);
            return;
        }
        outbound.add(item);
        // The add above is a full fence, so a drain that cleared the flag after it polls this item or a later one.
        if (!drainPending.get() && drainPending.compareAndSet(false, true)) {
            postDrain();
        }
    }

    /**
     * On the loop, behind what the loop queued before and behind {@code outbound}, which it took only while that was
     * empty: once an item waits here, the loop's later sends do too, so they never overtake its earlier ones.
     */
    private void enqueueFromLoop(Object item) {
        ArrayDeque<Object> queue = fromLoop;
        if (queue == null) {
            queue = new ArrayDeque<>(1); // most connections are idle: it grows only for one that gets bursts
            fromLoop = queue;
        }
        queue.add(item);
        if (item instanceof MqttPacket packet) {
            loopBytes += estimatedSize(packet);
            if (!listedForWrite && loopBytes >= channel.config().getWriteBufferHighWaterMark()) {
                // a flush's worth waits: on a loop that is behind, written between handed-over tasks, before the drain
                listedForWrite = true;
                LoopWrites.onThisThread().add(this, channel.eventLoop());
            }
        }
        if (!loopDrainPending) {
            loopDrainPending = true;
            postDrain();
        }
    }

    private void postDrain() {
        try {
            // From the loop itself this neither wakes it nor runs at once: the drain runs after the task in hand,
            // so a session running on this loop also flushes a burst once.
            channel.eventLoop().execute(drain);
        } catch (RejectedExecutionException e) {
            log.debug("{}: event loop gone, dropping queued packets", remoteAddress);
        }
    }

    /**
     * From the {@link LoopWrites} it is listed in: writes what waits now, as the drain posted for it would later; on
     * its new loop if it moved since it was listed.
     */
    void writeWaiting() {
        onEventLoop(() -> {
            listedForWrite = false;
            drain();
        });
    }

    /** From the {@link LoopWrites} it is listed in: no longer listed, so a send past the mark lists it again. */
    void unlistForWrite() {
        onEventLoop(() -> listedForWrite = false);
    }

    private void drain() {
        if (!channel.eventLoop().inEventLoop()) {
            onEventLoop(drain); // posted before the channel moved to another loop
            return;
        }
        if (moving) {
            return; // drainPending stays set, so sends only queue until endMove() drains
        }
        LoadMeter timing = meter;
        if (timing == null || !timing.on()) {
            writeQueued();
        } else {
            long start = System.nanoTime();
            writeQueued();
            timing.add(System.nanoTime() - start);
        }
    }

    private void writeQueued() {
        // Cleared before polling: an item added after the last poll finds no drain pending and schedules one.
        drainPending.set(false);
        loopDrainPending = false;
        loopBytes = 0;
        // Flushed before the packet that would take the unflushed bytes over the high water mark: Netty counts
        // written but unflushed bytes against the mark, so a long queue written whole before one flush would mark
        // a client that reads everything as congested.
        int highWaterMark = channel.config().getWriteBufferHighWaterMark();
        MqttPacket first = null;
        List<MqttPacket> burst = null; // from the second packet on: most drains carry one
        int unflushedBytes = 0;
        Object item;
        while ((item = next()) != null) {
            if (item == CLOSE) {
                write(first, burst);
                first = null;
                burst = null;
                closeAfterWrites(); // flushes
                unflushedBytes = 0;
                continue;
            }
            MqttPacket packet = (MqttPacket) item;
            int size = estimatedSize(packet);
            if (unflushedBytes + size > highWaterMark && unflushedBytes > 0) {
                write(first, burst);
                first = null;
                burst = null;
                channel.flush();
                unflushedBytes = 0;
            }
            unflushedBytes += size;
            if (first == null) {
                first = packet;
            } else {
                if (burst == null) {
                    burst = new ArrayList<>(burstCapacity());
                    burst.add(first);
                }
                burst.add(packet);
                if (burst.size() == MAX_BURST) {
                    write(first, burst);
                    first = null;
                    burst = null;
                }
            }
        }
        if (first != null) {
            write(first, burst);
        }
        if (unflushedBytes > 0) {
            channel.flush();
        }
    }

    /**
     * The next item to write, from {@code outbound} first: the loop queues there only behind items already waiting,
     * and here only while nothing of its own waits there, so every thread's items still leave in its order.
     */
    private @Nullable Object next() {
        Object item = outbound.poll();
        if (item == null && fromLoop != null) {
            item = fromLoop.poll();
        }
        return item;
    }

    /**
     * Room for the two packets in hand and what waits in the loop's queue, up to a batch: a subscriber that gets
     * full batches grew a list from 10 to 256 nine times per batch (9.5 % of a one-core fan-in profile).
     */
    private int burstCapacity() {
        return Math.clamp(2L + (fromLoop == null ? 0 : fromLoop.size()), 10, MAX_BURST);
    }

    /** About a packet's encoded size, enough to place flushes: a PUBLISH's topic, payload and headers, else 4. */
    private static int estimatedSize(MqttPacket packet) {
        return packet instanceof Publish publish ? 6 + publish.topic().length() + publish.payload().length : 4;
    }

    /** Writes (without flushing) the packets polled so far: one as itself, more as a batch sharing buffers. */
    private void write(@Nullable MqttPacket first, @Nullable List<MqttPacket> burst) {
        if (burst != null) {
            channel.write(new PacketBatch(burst), channel.voidPromise());
        } else if (first != null) {
            channel.write(first, channel.voidPromise());
        }
    }

    /** Runs on the event loop, so the packets written so far precede the empty write that triggers the close. */
    private void closeAfterWrites() {
        // The empty write completes only after everything queued before it was written.
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        var forced = channel.eventLoop().schedule(() -> channel.close(), CLOSE_DRAIN_LIMIT.toNanos(),
                TimeUnit.NANOSECONDS);
        channel.closeFuture().addListener(future -> forced.cancel(false));
    }

    @Override
    public void keepAliveTimeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("keep-alive timeout must not be negative, was " + timeout);
        }
        onEventLoop(() -> {
            keepAlive = timeout;
            installKeepAlive();
        });
    }

    @Override
    public void readPaused(ReadState state) {
        onEventLoop(() -> {
            if (state == readState) {
                return;
            }
            readState = state;
            channel.config().setAutoRead(state == ReadState.READING);
            installKeepAlive();
        });
    }

    /** Netty then fires channelWritabilityChanged, which {@link ConnectionHandler} passes to the core. */
    @Override
    public void outboundHighWaterMark(int bytes) {
        onEventLoop(() -> channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(bytes / 2, bytes)));
    }

    @Override
    public void socketSendBuffer(int bytes) {
        onEventLoop(() -> channel.config().setOption(ChannelOption.SO_SNDBUF, bytes));
    }

    /**
     * Deregisters from the current loop and registers with the session's. Netty deregisters after the read in
     * hand, and the registration waits for the tasks the old loop queued until then, so every packet read on the old
     * loop reaches the core from there first; reading resumes on the new loop only once registered. Sends wait in
     * the queue meanwhile: Netty does not report the close of a channel that is not registered, so nothing is
     * written until the move is over.
     */
    @Override
    public void shareThreadWith(Executor sessionExecutor) {
        if (sessionExecutor instanceof LoopExecutor target) {
            onEventLoop(() -> {
                home = target.loop();
                moveTo(target.loop());
            });
        }
    }

    /**
     * On the channel's loop (elsewhere it does nothing): deregisters and registers with {@code target}, as above.
     * Whether a move started: not when it is already there, closed or moving.
     */
    boolean moveTo(EventLoop target) {
        EventLoop current = channel.eventLoop();
        if (!current.inEventLoop() || current == target || !channel.isRegistered() || moving) {
            return false;
        }
        // What this loop queued for itself goes out now: sends during the move queue in outbound, which the new loop
        // drains first, so anything left in fromLoop would go out after newer packets.
        drain();
        moving = true;
        leaveLoad();
        channel.deregister().addListener(deregistered -> {
            if (deregistered.isSuccess() && channel.isOpen()) {
                // Behind what this loop queued so far: the core hands what was read here to the session in a task
                // this loop queued for itself (TaskBatches), and the new loop must not hand over anything newer first.
                try {
                    current.execute(() -> registerWith(target));
                } catch (RejectedExecutionException stopping) {
                    endMove(); // the broker is stopping: the channel stays unregistered and closes with the loop
                }
            } else {
                endMove(); // closed meanwhile, so the queued sends fail and are released; or it stays put
            }
        });
        return true;
    }

    /** On the old loop, once it ran what it queued before the deregistration. */
    private void registerWith(EventLoop target) {
        if (!channel.isOpen()) {
            endMove();
            return;
        }
        target.register(channel).addListener(registration -> registered(registration,
                balancer == null ? null : balancer.of(target)));
    }

    /** On the new loop. */
    private void registered(Future<?> registration, @Nullable LoopLoad arrivedOn) {
        if (!registration.isSuccess()) {
            // Only a loop that is shutting down refuses a channel: the broker is stopping.
            log.warn("{}: the session's IO thread refused the connection; Netty closed it", remoteAddress,
                    registration.cause());
        } else if (channel.isOpen()) {
            if (arrivedOn != null) {
                arrivedOn.join(this);
            }
            // The idle handler's timer was scheduled on the old loop, which would read its clock from another thread.
            installKeepAlive();
        }
        endMove();
        if (registration.isSuccess() && channel.isOpen() && channel.eventLoop() != home) {
            channel.pipeline().fireUserEventTriggered(BalancedMove.INSTANCE); // away from its session's loop
        }
    }

    /** The user event that tells the connection's handler balancing moved it away from its session's loop. */
    enum BalancedMove { INSTANCE }

    @Override
    public void runOnIoThread(Runnable task) {
        onEventLoop(task);
    }

    /** On its loop: it is in {@code joined}'s list at {@code index}. */
    void joined(LoopLoad joined, int index) {
        load = joined;
        loadIndex = index;
        if (meter != null) {
            meter.followSwitchOf(joined.meterSwitch());
        }
    }

    /** On its loop, as it starts a move or after it closed: no longer counted there. */
    void leaveLoad() {
        LoopLoad current = load;
        if (current != null) {
            load = null;
            current.leave(this, loadIndex);
            if (meter != null) {
                meter.followSwitchOf(null);
            }
        }
    }

    /** On its loop: the time its loop spent on it since the last call (0 when not measured). */
    long takePeriodNanos() {
        return meter == null ? 0 : meter.takePeriodNanos();
    }

    /** On its loop: whether {@code loop} is its session's. */
    boolean isHome(EventLoop loop) {
        return home == loop;
    }

    private void endMove() {
        moving = false;
        drain();
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    /** Set by the listener's pipeline; a channel built outside a listener (tests) is plain TCP. */
    @Override
    public ListenerIdentity listener() {
        ListenerIdentity identity = channel.attr(ListenerAttributes.IDENTITY).get();
        return identity == null ? ListenerIdentity.PLAIN_TCP : identity;
    }

    private void installKeepAlive() {
        ChannelPipeline pipeline = channel.pipeline();
        if (pipeline.get(HandlerNames.KEEP_ALIVE) != null) {
            pipeline.remove(HandlerNames.KEEP_ALIVE);
        }
        if (keepAlive.isZero() || readState == ReadState.PAUSED || pipeline.get(HandlerNames.CONNECTION) == null) {
            return;
        }
        // After the decoder: only whole packets count as activity, as keep-alive is defined on control packets
        // [MQTT-3.1.2-24] (the core arms 1.5 times the client's keep-alive).
        pipeline.addBefore(HandlerNames.CONNECTION, HandlerNames.KEEP_ALIVE,
                new IdleStateHandler(keepAlive.toNanos(), 0, 0, TimeUnit.NANOSECONDS));
    }

    /** Runs {@code task} on the channel's loop, following the channel if it moves before the task runs. */
    private void onEventLoop(Runnable task) {
        EventLoop loop = channel.eventLoop();
        if (loop.inEventLoop()) {
            task.run();
            return;
        }
        try {
            loop.execute(() -> onEventLoop(task));
        } catch (RejectedExecutionException e) {
            // The event loop is shutting down with the server; the channel is closed or about to be.
            log.debug("{}: event loop gone, dropping a channel change", remoteAddress);
        }
    }
}
