package io.ternmq.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.ternmq.protocol.codec.PacketDecoder;
import io.ternmq.protocol.codec.PacketEncoder;

/**
 * The pipeline of a plain TCP connection. A TLS listener will prepend its SSL handler, a WebSocket listener its
 * HTTP upgrade and frame handlers; the MQTT part below stays the same.
 */
final class TcpChannelInitializer extends ChannelInitializer<Channel> {

    /** Flush at least this often while a read is in progress, so that big bursts do not sit in memory. */
    private static final int FLUSH_EVERY_WRITES = 256;

    private final TransportConfig config;
    private final PacketReader reader;
    private final PacketEncoder encoder;
    private final ConnectionAcceptor acceptor;
    private final ChannelGroup openChannels;
    private final TrafficCounters counters;

    TcpChannelInitializer(TransportConfig config, ConnectionAcceptor acceptor, ChannelGroup openChannels,
                          TrafficCounters counters) {
        this.counters = counters;
        this.config = config;
        this.reader = new PacketDecoder(config.maxPacketSize())::decode;
        this.encoder = new PacketEncoder();
        this.acceptor = acceptor;
        this.openChannels = openChannels;
    }

    @Override
    protected void initChannel(Channel channel) {
        openChannels.add(channel);
        NegotiatedVersion version = new NegotiatedVersion();
        ChannelPipeline pipeline = channel.pipeline();
        // Flushes during a read (acknowledgements) are consolidated until the read completes. Writes from session
        // threads already arrive in batches with one flush each (NettyClientChannel), so deferring those flushes
        // to yet another task only added latency.
        pipeline.addLast(HandlerNames.FLUSH_CONSOLIDATION, new FlushConsolidationHandler(FLUSH_EVERY_WRITES, false));
        pipeline.addLast(HandlerNames.DECODER, new MqttPacketDecoder(reader, version, counters));
        pipeline.addLast(HandlerNames.ENCODER, new MqttPacketEncoder(encoder, version, counters));
        if (!config.connectTimeout().isZero()) {
            pipeline.addLast(HandlerNames.CONNECT_TIMEOUT, new ConnectTimeoutHandler(config.connectTimeout()));
        }
        pipeline.addLast(HandlerNames.CONNECTION, new ConnectionHandler(acceptor));
    }
}
