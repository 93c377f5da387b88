package io.ternmq.core;

import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.Publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** A ClientChannel that records what the broker did to it. Thread-safe, like the real one. */
final class FakeChannel implements ClientChannel {

    private final String remoteAddress;
    private final List<MqttPacket> sent = new ArrayList<>();
    private boolean closed;
    private Duration keepAlive = Duration.ZERO;
    private ReadState readState = ReadState.READING;
    private Executor sharedThread;
    private final Executor ioThread;

    FakeChannel(String remoteAddress) {
        this(remoteAddress, Runnable::run);
    }

    /** A channel whose IO thread is {@code ioThread}: what the broker asks to run there runs there, in order. */
    FakeChannel(String remoteAddress, Executor ioThread) {
        this.remoteAddress = remoteAddress;
        this.ioThread = ioThread;
    }

    @Override
    public synchronized void send(MqttPacket packet) {
        sent.add(packet);
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    @Override
    public synchronized void keepAliveTimeout(Duration timeout) {
        keepAlive = timeout;
    }

    @Override
    public synchronized void readPaused(ReadState state) {
        readState = state;
    }

    @Override
    public synchronized void shareThreadWith(Executor sessionExecutor) {
        sharedThread = sessionExecutor;
    }

    /** The executor the broker asked the channel to move onto, or null. */
    synchronized Executor sharedThread() {
        return sharedThread;
    }

    @Override
    public void runOnIoThread(Runnable task) {
        ioThread.execute(task);
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    synchronized List<MqttPacket> sent() {
        return List.copyOf(sent);
    }

    /** Returns what was sent since the last call and forgets it. */
    synchronized List<MqttPacket> take() {
        List<MqttPacket> taken = List.copyOf(sent);
        sent.clear();
        return taken;
    }

    /** Forgets the packets of one kind, keeping the rest in order. */
    synchronized void discard(Class<? extends MqttPacket> kind) {
        sent.removeIf(kind::isInstance);
    }

    synchronized List<Publish> publishes() {
        return sent.stream().filter(Publish.class::isInstance).map(Publish.class::cast).toList();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    synchronized ReadState readState() {
        return readState;
    }

    synchronized Duration keepAlive() {
        return keepAlive;
    }
}
