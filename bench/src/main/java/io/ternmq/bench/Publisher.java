package io.ternmq.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.ternmq.protocol.Qos;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Publishes on one connection, on its event loop: either as fast as flow control allows (TCP back-pressure via
 * channel writability, and for QoS 1/2 at most {@code window} unacknowledged messages), or paced at a fixed
 * interval. A paced message carries its intended send time, so a stalled broker shows up as latency instead of
 * silently slowing the sender down (no coordinated omission).
 */
final class Publisher implements BenchConnection.Listener, Runnable {

    /** Messages written per event-loop turn before flushing and yielding to other connections. */
    private static final int BATCH = 64;

    private final PublishTemplate template;
    private final int window;
    private final long intervalNanos;
    private final LongAdder sent;
    private Channel channel;
    private volatile boolean running;
    private boolean scheduled;
    private int inflight;
    private int packetId;
    private long count;
    private long startNanos;

    /** @param intervalNanos time between messages; 0 publishes as fast as flow control allows */
    Publisher(PublishTemplate template, int window, long intervalNanos, LongAdder sent) {
        this.template = template;
        this.window = template.qos() == Qos.AT_MOST_ONCE ? Integer.MAX_VALUE : window;
        this.intervalNanos = intervalNanos;
        this.sent = sent;
    }

    void start(BenchConnection connection) {
        start(connection, 0);
    }

    /** Paced: the first message is due {@code phaseNanos} from now, the others at the interval after it. */
    void start(BenchConnection connection, long phaseNanos) {
        channel = connection.channel();
        running = true;
        channel.eventLoop().execute(() -> {
            startNanos = System.nanoTime() + phaseNanos;
            schedule(phaseNanos);
        });
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        scheduled = false;
        if (!running) {
            return;
        }
        long now = intervalNanos > 0 ? System.nanoTime() : 0;
        int written = 0;
        // One buffer and one write per turn: a buffer and a pipeline pass per message cost more than the message.
        ByteBuf batch = null;
        while (written < BATCH && inflight < window && channel.isWritable() && isDue(now)) {
            if (batch == null) {
                // paced: usually the one message that is due (the buffer grows if more are)
                int expected = intervalNanos > 0 ? 1 : Math.min(BATCH, window - inflight);
                batch = channel.alloc().ioBuffer(template.size() * expected);
            }
            long stamp = intervalNanos > 0 ? startNanos + count * intervalNanos : 0;
            packetId = packetId == 65_535 ? 1 : packetId + 1;
            template.writeTo(batch, packetId, stamp);
            if (window != Integer.MAX_VALUE) {
                inflight++;
            }
            count++;
            written++;
        }
        if (batch != null) {
            channel.writeAndFlush(batch, channel.voidPromise());
            sent.add(written);
        }
        if (inflight < window && channel.isWritable()) {
            if (intervalNanos > 0) {
                // a timer for exactly the next message's intended time, so pacing adds no latency of its own
                schedule(Math.max(0, startNanos + count * intervalNanos - System.nanoTime()));
            } else if (written == BATCH) {
                schedule(0);
            }
        }
        // otherwise an acknowledgement or the channel turning writable resumes
    }

    private boolean isDue(long now) {
        return intervalNanos == 0 || startNanos + count * intervalNanos <= now;
    }

    /**
     * Continues on the event loop's scheduled queue rather than its task queue: Netty runs newly added tasks for
     * up to a second before it polls sockets again, so a publisher re-adding itself there would starve every
     * subscriber on its loop; scheduled tasks wait until the next turn, after the sockets have been served.
     */
    private void schedule(long delayNanos) {
        if (!scheduled && running) {
            scheduled = true;
            channel.eventLoop().schedule(this, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void onAcknowledged() {
        inflight--;
        schedule(0);
    }

    @Override
    public void onWritable() {
        schedule(0);
    }
}
