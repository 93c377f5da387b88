package io.ternmq.core;

import io.ternmq.protocol.MalformedPacketException;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.Suback;
import io.ternmq.protocol.Subscribe;
import io.ternmq.protocol.TopicSubscription;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Plays the transport for one connection: feeds events as the IO thread would, then lets the broker settle. */
record TestClient(TestBroker broker, FakeChannel channel, MqttConnection connection) {

    TestClient(TestBroker broker, FakeChannel channel) {
        this(broker, channel, broker.core.accept(channel));
    }

    TestClient send(MqttPacket packet) {
        connection.onPacket(packet);
        broker.drain();
        return this;
    }

    void malformed(MalformedPacketException error) {
        connection.onMalformedPacket(error);
        broker.drain();
    }

    void keepAliveTimeout() {
        connection.onKeepAliveTimeout();
        broker.drain();
    }

    /** The channel's outbound buffer went above its high water mark (the client reads slowly) or drained. */
    void writability(ClientChannel.WriteState state) {
        connection.onWritabilityChanged(state);
        broker.drain();
    }

    void networkClosed() {
        connection.onChannelClosed();
        broker.drain();
    }

    void subscribe(int packetId, String filter, Qos qos) {
        send(new Subscribe(packetId, List.of(new TopicSubscription(filter, qos))));
        channel.discard(Suback.class); // retained messages that follow stay for the test to see
    }

    List<MqttPacket> take() {
        return channel.take();
    }

    static Publish publish(String topic, Qos qos, int packetId, String payload) {
        return new Publish(topic, qos, false, false, packetId, payload.getBytes(StandardCharsets.UTF_8));
    }

    static Publish retained(String topic, Qos qos, int packetId, String payload) {
        return new Publish(topic, qos, true, false, packetId, payload.getBytes(StandardCharsets.UTF_8));
    }

    static String text(Publish publish) {
        return new String(publish.payload(), StandardCharsets.UTF_8);
    }
}
