package io.ternmq.transport;

import io.ternmq.core.ClientChannel;
import io.ternmq.core.MqttConnection;
import io.ternmq.protocol.MalformedPacketException;

/** A test's connection that cares only about packets: it closes on malformed input and ignores the other events. */
abstract class PacketsOnlyConnection implements MqttConnection {

    final ClientChannel channel;

    PacketsOnlyConnection(ClientChannel channel) {
        this.channel = channel;
    }

    @Override
    public void onMalformedPacket(MalformedPacketException error) {
        channel.close();
    }

    @Override
    public void onKeepAliveTimeout() {
    }

    @Override
    public void onChannelClosed() {
    }
}
