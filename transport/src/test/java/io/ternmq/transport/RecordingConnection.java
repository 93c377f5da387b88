package io.ternmq.transport;

import io.ternmq.core.ClientChannel;
import io.ternmq.core.MqttConnection;
import io.ternmq.protocol.MalformedPacketException;
import io.ternmq.protocol.MqttPacket;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the core's side of one connection: records every call, and behaves like the core where a test
 * needs it (closes the channel on malformed input).
 */
final class RecordingConnection implements MqttConnection {

    final ClientChannel channel;
    final List<MqttPacket> packets = new CopyOnWriteArrayList<>();
    final List<MalformedPacketException> malformed = new CopyOnWriteArrayList<>();
    final AtomicInteger keepAliveTimeouts = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();
    final List<ClientChannel.WriteState> writability = new CopyOnWriteArrayList<>();

    RecordingConnection(ClientChannel channel) {
        this.channel = channel;
    }

    @Override
    public void onPacket(MqttPacket packet) {
        packets.add(packet);
    }

    @Override
    public void onMalformedPacket(MalformedPacketException error) {
        malformed.add(error);
        channel.close();
    }

    @Override
    public void onKeepAliveTimeout() {
        keepAliveTimeouts.incrementAndGet();
    }

    @Override
    public void onWritabilityChanged(ClientChannel.WriteState state) {
        writability.add(state);
    }

    @Override
    public void onChannelClosed() {
        closes.incrementAndGet();
    }
}
