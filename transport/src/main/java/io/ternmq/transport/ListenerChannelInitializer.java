package io.ternmq.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.ternmq.core.ListenerIdentity;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.codec.PacketDecoder;
import io.ternmq.protocol.codec.PacketEncoder;
import org.jspecify.annotations.Nullable;

import java.util.EnumSet;

/**
 * The pipeline of a connection on one listener: admission (connection limits, then the cap on connections
 * waiting for CONNECT) first, then TLS for tls/wss, the HTTP upgrade and WebSocket framing for ws/wss, and then
 * the MQTT part, which is the same for every kind.
 */
final class ListenerChannelInitializer extends ChannelInitializer<Channel> {

    /** Flush at least this often while a read is in progress, so that big bursts do not sit in memory. */
    private static final int FLUSH_EVERY_WRITES = 256;
    /** The upgrade request is a few hundred bytes; anything far bigger is not a WebSocket client. */
    private static final int MAX_HANDSHAKE_REQUEST = 16 * 1024;

    private final ListenerConfig listener;
    private final TransportConfig config;
    private final ConnectionGate gate;
    private final @Nullable ReloadingTlsContext tls;
    private final PacketReader reader;
    private final PacketEncoder encoder;
    private final ConnectionAcceptor acceptor;
    private final ChannelGroup openChannels;
    private final ListenerIdentity plainIdentity;
    private final TrafficCounters counters;
    private final PendingConnects pendingConnects;
    private final LoopBalancer balancer;

    ListenerChannelInitializer(ListenerConfig listener, TransportConfig config, ConnectionGate gate,
                               @Nullable ReloadingTlsContext tls, ConnectionAcceptor acceptor,
                               ChannelGroup openChannels, TrafficCounters counters, PendingConnects pendingConnects,
                               LoopBalancer balancer) {
        this.listener = listener;
        this.config = config;
        this.gate = gate;
        this.tls = tls;
        this.reader = new PacketDecoder(config.maxPacketSize(), EnumSet.allOf(ProtocolVersion.class))::decode;
        this.encoder = new PacketEncoder();
        this.acceptor = acceptor;
        this.openChannels = openChannels;
        this.plainIdentity = new ListenerIdentity(listener.name(), null);
        this.counters = counters;
        this.pendingConnects = pendingConnects;
        this.balancer = balancer;
    }

    @Override
    protected void initChannel(Channel channel) {
        if (gate.admit(channel) != Admission.ADMITTED) {
            channel.close();
            return;
        }
        PendingConnects.Place pendingPlace = pendingConnects.admit(channel);
        if (pendingPlace == null) {
            channel.close(); // gives back the gate's places too
            return;
        }
        openChannels.add(channel);
        channel.attr(ListenerAttributes.IDENTITY).set(plainIdentity);
        ChannelPipeline pipeline = channel.pipeline();
        if (balancer.enabled()) {
            pipeline.addLast(HandlerNames.LOAD_METER, new LoadMeter());
        }
        if (tls != null) {
            pipeline.addLast(HandlerNames.TLS, tls.newHandler(channel.alloc()));
            pipeline.addLast(HandlerNames.TLS_IDENTITY,
                    new TlsIdentityHandler(listener.name(), tls.config().identity()));
        }
        if (listener.kind().framing() == ListenerKind.Framing.WEBSOCKET) {
            addWebSocket(pipeline);
        }
        NegotiatedVersion version = new NegotiatedVersion();
        // Flushes during a read (acknowledgements) are consolidated until the read completes (behind TLS: fewer,
        // fuller records). Writes from session threads already arrive in batches with one flush each
        // (NettyClientChannel), so deferring those flushes to yet another task only added latency.
        pipeline.addLast(HandlerNames.FLUSH_CONSOLIDATION, new FlushConsolidationHandler(FLUSH_EVERY_WRITES, false));
        pipeline.addLast(HandlerNames.DECODER, new MqttPacketDecoder(reader, version, counters));
        pipeline.addLast(HandlerNames.ENCODER, new MqttPacketEncoder(encoder, version, counters));
        pipeline.addLast(HandlerNames.PENDING_CONNECT, new PendingConnectHandler(pendingPlace));
        if (!config.connectTimeout().isZero()) {
            pipeline.addLast(HandlerNames.CONNECT_TIMEOUT, new ConnectTimeoutHandler(config.connectTimeout()));
        }
        pipeline.addLast(HandlerNames.CONNECTION, new ConnectionHandler(acceptor, balancer));
    }

    private void addWebSocket(ChannelPipeline pipeline) {
        var protocol = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(ListenerConfig.WEBSOCKET_PATH)
                .subprotocols("mqtt") // [MQTT-6.0.0-4]
                .maxFramePayloadLength(config.maxPacketSize())
                .handleCloseFrames(true)
                .dropPongFrames(true)
                .build();
        pipeline.addLast(HandlerNames.HTTP_CODEC, new HttpServerCodec());
        pipeline.addLast(HandlerNames.HTTP_AGGREGATOR, new HttpObjectAggregator(MAX_HANDSHAKE_REQUEST));
        pipeline.addLast(HandlerNames.WEBSOCKET_PROTOCOL, new WebSocketServerProtocolHandler(protocol));
        pipeline.addLast(HandlerNames.WEBSOCKET_UNWRAPPER, new WebSocketFrameUnwrapper());
        pipeline.addLast(HandlerNames.WEBSOCKET_WRAPPER, new WebSocketFrameWrapper());
    }
}
