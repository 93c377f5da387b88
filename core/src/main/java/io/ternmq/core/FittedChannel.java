package io.ternmq.core;

import io.ternmq.protocol.Connect;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Publish;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * An MQTT 5 connection's channel, every packet shaped by what the client's CONNECT allowed ({@link ClientLimits})
 * on its way out: PUBLISHes get topic aliases when the client accepts them and the policy says so, and nothing
 * beyond the client's maximum packet size leaves (optional diagnostics dropped first, a PUBLISH dropped and
 * counted). It also shows {@link InboundPublishes} the acknowledgements as they go. The packet the session hands
 * in is never changed: a QoS 0 PUBLISH is shared by every subscriber, so an alias makes a copy for this connection
 * only. A 3.1.1 connection keeps the plain channel. Called on the session's owner thread only.
 */
final class FittedChannel implements ClientChannel {

    private final ClientChannel channel;
    private final PacketSizeLimit limit;
    private final @Nullable OutboundTopicAliases aliases;
    private final InboundPublishes inbound;
    private final StripedCounter oversizeDrops;

    FittedChannel(ClientChannel channel, PacketSizeLimit limit, @Nullable OutboundTopicAliases aliases,
                  InboundPublishes inbound, StripedCounter oversizeDrops) {
        this.channel = channel;
        this.limit = limit;
        this.aliases = aliases;
        this.inbound = inbound;
        this.oversizeDrops = oversizeDrops;
    }

    /**
     * The channel a connection opened by {@code connect} sends through: the plain one for 3.1.1, else one fitted to
     * the client's limits, with topic aliases when the client accepts them and the policy uses them.
     */
    static ClientChannel fit(ClientChannel channel, Connect connect, ClientLimits limits, InboundPublishes inbound,
                             BrokerContext broker) {
        if (connect.version() != ProtocolVersion.MQTT_5) {
            return channel;
        }
        // [MQTT-3.1.2-27] none for a client that accepts none
        OutboundTopicAliases aliases = limits.topicAliasMaximum() > 0
                && broker.config().mqtt5().outboundTopicAliases() == OutboundAliasPolicy.LRU
                ? new OutboundTopicAliases(limits.topicAliasMaximum()) : null;
        return new FittedChannel(channel, limits.packetSize(), aliases, inbound, broker.stats().oversizeDrops);
    }

    @Override
    public void send(MqttPacket packet) {
        inbound.sent(packet);
        MqttPacket out = packet instanceof Publish publish ? outgoing(publish) : limit.fitted(packet);
        if (out != null) {
            channel.send(out);
        }
    }

    private @Nullable Publish outgoing(Publish publish) {
        Publish out = aliases == null ? publish : aliased(publish, aliases);
        if (limit.fits(out)) {
            return out;
        }
        oversizeDrops.increment(); // [MQTT-3.1.2-24] [MQTT-3.1.2-25] a QoS 0 one (the flow discards QoS 1/2 earlier)
        return null;
    }

    /** With the alias the client knows for its topic, a new alias announced, or as it is. */
    private Publish aliased(Publish publish, OutboundTopicAliases table) {
        String topic = publish.topic();
        int known = table.known(topic);
        if (known != 0) {
            return PublishAlias.with(publish, "", known); // 3.3.2.3.4: the empty topic stands for the alias's
        }
        if (!table.worthAliasing(topic)) {
            return publish;
        }
        Publish announcing = PublishAlias.with(publish, topic, table.next());
        if (!limit.fits(announcing)) {
            return publish; // the 3 bytes of the alias would push it beyond the client's maximum
        }
        table.claim(topic);
        return announcing;
    }

    @Override
    public void close() {
        channel.close();
    }

    @Override
    public void keepAliveTimeout(Duration timeout) {
        channel.keepAliveTimeout(timeout);
    }

    @Override
    public void readPaused(ReadState state) {
        channel.readPaused(state);
    }

    @Override
    public void outboundHighWaterMark(int bytes) {
        channel.outboundHighWaterMark(bytes);
    }

    @Override
    public void socketSendBuffer(int bytes) {
        channel.socketSendBuffer(bytes);
    }

    @Override
    public void shareThreadWith(Executor sessionExecutor) {
        channel.shareThreadWith(sessionExecutor);
    }

    @Override
    public void runOnIoThread(Runnable task) {
        channel.runOnIoThread(task);
    }

    @Override
    public String remoteAddress() {
        return channel.remoteAddress();
    }

    @Override
    public ListenerIdentity listener() {
        return channel.listener();
    }
}
