package io.ternmq.core;

import io.ternmq.core.auth.AuthenticationRequest;
import io.ternmq.core.auth.AuthenticationResult;
import io.ternmq.core.auth.ClientIdentity;
import io.ternmq.protocol.Connack;
import io.ternmq.protocol.ConnackProperties;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.ConnectReturnCode;
import io.ternmq.protocol.Disconnect;
import io.ternmq.protocol.DisconnectProperties;
import io.ternmq.protocol.MalformedPacketException;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.Will;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * One network connection after its CONNECT, on the session's owner thread. Model: AUTHENTICATING (packets that
 * arrive are held, in order, until the authenticator answers) -> CONNECTED (a session is attached) -> CLOSED
 * (everything is ignored). Every close goes through one method that logs once and decides about the will.
 */
final class Connection {

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

    private enum Phase { AUTHENTICATING, CONNECTED, CLOSED }

    /** Whether the will is published on close: only a DISCONNECT makes an ending normal [MQTT-3.1.2-8]. */
    enum Ending { NORMAL, ABNORMAL }

    private final BrokerContext broker;
    private final ClientChannel channel;
    /** Changes only when its session moves with it, on the thread it leaves ({@link SessionMove}). */
    private SessionThread owner;
    private final Connect connect;
    private final String clientId;
    private final @Nullable String assignedClientId;
    private ClientIdentity identity;
    private final ClientLimits clientLimits;
    private final InboundPublishes inboundPublishes;
    /** Used only while authenticating: starts with one slot, not the default 16 (bench connections scenario). */
    private final ArrayDeque<Runnable> held = new ArrayDeque<>(0);
    private final AckOrder acks;
    private final StorageBackPressure storagePressure;
    private final InboundBackPressure inbound;
    private Phase phase = Phase.AUTHENTICATING;
    private @Nullable Session session;
    private @Nullable Will will;
    private long connectedSince;
    /** The keep-alive in force: the client's, or the Server Keep Alive it was told. */
    private int keepAliveSeconds;
    private @Nullable EnhancedAuthentication enhanced;
    private Mqtt5Connack.@Nullable Authentication authentication;

    /**
     * @param assignedClientId the identifier the broker chose because the CONNECT had an empty one, else null
     */
    Connection(BrokerContext broker, ClientChannel channel, SessionThread owner, Connect connect, String clientId,
               @Nullable String assignedClientId, InboundBackPressure inbound) {
        this.broker = broker;
        this.clientLimits = ClientLimits.of(connect);
        Mqtt5Settings ours = broker.config().mqtt5();
        this.inboundPublishes = connect.version() == ProtocolVersion.MQTT_5
                ? InboundPublishes.mqtt5(ours.topicAliasMaximum(), ours.receiveMaximum(),
                        packetId -> session().isUnreleased(packetId))
                : InboundPublishes.NONE;
        this.channel = FittedChannel.fit(channel, connect, clientLimits, inboundPublishes, broker);
        this.owner = owner;
        this.connect = connect;
        this.clientId = clientId;
        this.assignedClientId = assignedClientId;
        // A listener that takes the identity from the client certificate (CN or SAN) makes it the user name that
        // authorization sees, whatever the CONNECT claimed: the certificate was verified, the claim was not.
        String certificateUser = channel.listener().certificateIdentity();
        this.identity = new ClientIdentity(clientId, certificateUser != null ? certificateUser : connect.username());
        this.acks = new AckOrder(this.channel);
        this.storagePressure = new StorageBackPressure(broker.stores().storage(), inbound, owner);
        this.inbound = inbound;
    }

    SessionThread owner() {
        return owner;
    }

    /**
     * Whether it may move to another thread with its session: it is connected, without an enhanced authentication
     * (whose exchange calls back to this thread), and no acknowledgement waits for the storage, nor reading for it
     * to drain. Reading held for the memory budget or a busy thread may move: whatever releases those does not
     * care which thread owns the session.
     */
    boolean isMovable() {
        assert owner.isCurrent();
        return phase == Phase.CONNECTED && enhanced == null && acks.isEmpty() && !storagePressure.isHolding()
                && session().isMovable();
    }

    /** On the thread it leaves, with its session: it belongs to {@code thread} from now on. */
    void movedTo(SessionThread thread) {
        assert isMovable();
        owner = thread;
        storagePressure.movedTo(thread);
        inbound.movedTo(thread);
        session().movedTo(thread);
    }

    /** The CONNECT that opened this connection, with its MQTT 5 properties. */
    Connect connect() {
        return connect;
    }

    ProtocolVersion version() {
        return connect.version();
    }

    boolean isMqtt5() {
        return connect.version() == ProtocolVersion.MQTT_5;
    }

    /** Acknowledgements waiting for their message to be stored, in arrival order. */
    AckOrder acks() {
        return acks;
    }

    /** Holds this connection's reading while the storage writer is behind. */
    StorageBackPressure storagePressure() {
        return storagePressure;
    }

    /** After this client's publish was routed: held while a session thread the route handed work to is behind. */
    void afterRoute() {
        SessionThread behind = owner.takeBehindTarget();
        if (behind != null && inbound.holdForBacklog(behind)) {
            broker.stats().backlogPauses.increment();
        }
    }

    ClientChannel channel() {
        return channel;
    }

    ClientIdentity identity() {
        return identity;
    }

    /** What the client's MQTT 5 CONNECT allows the broker to send it. */
    ClientLimits clientLimits() {
        return clientLimits;
    }

    /**
     * The PUBLISH to handle, its MQTT 5 topic alias resolved and our Receive Maximum applied; null when it broke
     * one of them and the connection was closed with the reason code [MQTT-4.13.1-1].
     */
    @Nullable Publish admit(Publish publish) {
        try {
            return inboundPublishes.admit(publish);
        } catch (MalformedPacketException e) {
            violation(e.reasonCode(), e.getMessage());
            return null;
        }
    }

    String clientId() {
        return clientId;
    }

    boolean isConnected() {
        return phase == Phase.CONNECTED;
    }

    /** The enhanced authentication of this connection, or null when its CONNECT named no method. */
    @Nullable EnhancedAuthentication enhancedAuthentication() {
        return enhanced;
    }

    Session session() {
        assert session != null : "no session before CONNACK";
        return session;
    }

    /** Asks the authenticator; its answer comes back to this thread, however it completes. */
    void start() {
        assert owner.isCurrent();
        if (EnhancedAuthentication.requested(connect)) {
            enhanced = EnhancedAuthentication.start(this, broker); // the method's mechanism decides, not the above
            return;
        }
        var request = new AuthenticationRequest(clientId, connect.username(), connect.password(),
                channel.remoteAddress(), channel.listener().listenerName(), channel.listener().certificateIdentity());
        try {
            broker.authenticator().authenticate(request)
                    .whenComplete((result, error) -> owner.execute(() -> authenticated(result, error)));
        } catch (RuntimeException e) {
            authenticated(null, e);
        }
    }

    private void authenticated(@Nullable AuthenticationResult result, @Nullable Throwable error) {
        assert owner.isCurrent();
        if (phase != Phase.AUTHENTICATING) {
            return; // the connection went away while the authenticator was deciding
        }
        if (error != null || result == null) {
            LOG.warn("authenticator failed for client {} from {}", clientId, channel.remoteAddress(), error);
            refuse(ConnectReturnCode.SERVER_UNAVAILABLE);
            return;
        }
        switch (result) {
            case ALLOWED -> accept();
            case BAD_USERNAME_OR_PASSWORD -> refuse(ConnectReturnCode.BAD_USERNAME_OR_PASSWORD);
            case NOT_AUTHORIZED -> refuse(ConnectReturnCode.NOT_AUTHORIZED);
            case CLIENT_IDENTIFIER_REJECTED -> refuse(ConnectReturnCode.IDENTIFIER_REJECTED); // [MQTT-3.1.3-8]
        }
    }

    /** A refused CONNECT gets Session Present 0 [MQTT-3.2.2-4], then the close [MQTT-3.2.2-5]; no session, no will. */
    private void refuse(ConnectReturnCode code) {
        refuse(ConnectRefusal.connack(connect.version(), code), code, code.toString());
    }

    /** An MQTT 5 refusal with a reason code of its own, counted under {@code countedAs}. */
    void refuse(ReasonCode code, ConnectReturnCode countedAs, String detail) {
        refuse(new Connack(false, code, ConnackProperties.EMPTY), countedAs, code + ": " + detail);
    }

    private void refuse(Connack connack, ConnectReturnCode countedAs, String detail) {
        if (phase != Phase.AUTHENTICATING) {
            return;
        }
        phase = Phase.CLOSED;
        broker.threads().owners().release(clientId);
        held.clear(); // [MQTT-3.1.4-5] nothing sent after a refused CONNECT is processed
        broker.stats().refusedConnections.increment();
        broker.stats().connected(countedAs);
        LOG.info("client {} refused from {} ({}): {}", clientId, channel.remoteAddress(), versionName(), detail);
        channel.send(connack);
        channel.close();
    }

    /**
     * Enhanced authentication succeeded: {@code user}, when named, is who authorization sees from now on (unless
     * a client certificate already says who the client is), and the CONNACK carries the method and final data.
     */
    void acceptAuthenticated(Mqtt5Connack.Authentication outcome, @Nullable String user) {
        if (phase != Phase.AUTHENTICATING) {
            return;
        }
        if (user != null && channel.listener().certificateIdentity() == null) {
            identity = new ClientIdentity(clientId, user);
        }
        authentication = outcome;
        channel.keepAliveTimeout(Duration.ZERO); // the exchange's idle limit ends; the keep-alive may follow
        accept();
    }

    private void accept() {
        Session previous = owner.sessions().get(clientId);
        if (previous != null && previous.connection() != null) {
            previous.connection().close(Ending.ABNORMAL, DisconnectReason.TAKEN_OVER,
                    "taken over by a new connection"); // [MQTT-3.1.4-2]
            previous = owner.sessions().get(clientId); // a connection-lifetime session ended with its connection
        }
        boolean sessionPresent;
        Session attached;
        if (!connect.cleanSession() && previous != null && previous.lifetime() == SessionLifetime.PERSISTENT) {
            attached = previous; // [MQTT-3.1.2-4] resume (5.0: Clean Start 0 [MQTT-3.1.2-5])
            SessionTimers.connecting(attached, connect);
            sessionPresent = true; // [MQTT-3.2.2-2]
        } else {
            if (previous != null) {
                previous.discard(); // [MQTT-3.1.2-6]
            }
            SessionLifetime lifetime = SessionLifetime.requestedBy(connect);
            attached = new Session(clientId, lifetime, owner, broker);
            SessionThread claimed = broker.threads().owners().claim(clientId); // the session's own, until discarded
            assert claimed == owner : "this connection's claim keeps the client id on this thread";
            owner.sessions().put(clientId, attached);
            SessionTimers.connecting(attached, connect);
            attached.persist();
            sessionPresent = false; // [MQTT-3.2.2-1] [MQTT-3.2.2-3]
        }
        session = attached;
        will = connect.will(); // [MQTT-3.1.2-8] stored until published or discarded; none [MQTT-3.1.2-12]
        phase = Phase.CONNECTED;
        connectedSince = broker.clock().currentTimeMillis();
        broker.stats().connectedClients.increment();
        broker.stats().connected(ConnectReturnCode.ACCEPTED);
        Integer serverKeepAlive = isMqtt5()
                ? broker.config().mqtt5().connectPolicy().serverKeepAlive(connect.keepAliveSeconds()) : null;
        keepAliveSeconds = serverKeepAlive != null ? serverKeepAlive : connect.keepAliveSeconds();
        LOG.info("client {} connected from {} ({}, clean session {}, keep-alive {} s, session present {})",
                clientId, channel.remoteAddress(), versionName(), connect.cleanSession(), keepAliveSeconds,
                sessionPresent);
        channel.send(isMqtt5() // [MQTT-3.1.4-4]
                ? announced(Mqtt5Connack.accepted(broker.config().mqtt5(), connect, sessionPresent, assignedClientId,
                        serverKeepAlive, authentication))
                : new Connack(sessionPresent, ConnectReturnCode.ACCEPTED));
        if (keepAliveSeconds > 0) {
            // [MQTT-3.1.2-24] (5.0: [MQTT-3.1.2-22], with the Server Keep Alive if one was sent) one and a half
            // keep-alive periods without a packet and the client is gone
            channel.keepAliveTimeout(Duration.ofMillis(keepAliveSeconds * 1500L));
        }
        MemoryLimits memory = broker.memory().limits();
        channel.outboundHighWaterMark(memory.channelHighWaterMark());
        if (memory.socketSendBuffer() > 0) {
            channel.socketSendBuffer(memory.socketSendBuffer());
        }
        attached.attach(this); // [MQTT-4.4.0-1] redelivery before anything new
        while (phase == Phase.CONNECTED && !held.isEmpty()) {
            held.pollFirst().run();
        }
        held.clear();
    }

    /** The accepting CONNACK as sent, fitted to the client's maximum packet size; what it announces is enforced. */
    private Connack announced(Connack connack) {
        Connack fitted = FittedConnack.fit(connack, clientLimits.packetSize());
        inboundPublishes.announced(fitted.properties());
        return fitted;
    }

    /** A packet after CONNECT, in arrival order. */
    void onPacket(MqttPacket packet) {
        assert owner.isCurrent();
        switch (phase) {
            case AUTHENTICATING -> {
                if (enhanced != null) {
                    enhanced.beforeConnack(packet); // [MQTT-3.1.2-30] AUTH or DISCONNECT only
                } else {
                    hold(() -> onPacket(packet));
                }
            }
            case CONNECTED -> handle(packet);
            case CLOSED -> { }
        }
    }

    /** Keeps an event for after the CONNACK; a client that floods before it is cut off rather than buffered. */
    private void hold(Runnable event) {
        if (held.size() >= InboundBackPressure.PAUSE_AT) {
            violation("more than " + InboundBackPressure.PAUSE_AT + " packets before CONNACK");
            return;
        }
        held.addLast(event);
    }

    private void handle(MqttPacket packet) {
        try {
            PacketHandling.handle(this, packet, broker);
        } catch (RuntimeException e) {
            // [MQTT-4.8.0-2] a transient error while handling a packet closes the connection, nothing more
            LOG.error("failed handling {} from client {} at {}", packet.type(), clientId, channel.remoteAddress(), e);
            close(Ending.ABNORMAL, DisconnectReason.INTERNAL_ERROR, "internal error handling " + packet.type());
        }
    }

    void onMalformedPacket(MalformedPacketException error) {
        assert owner.isCurrent();
        if (phase == Phase.AUTHENTICATING) {
            hold(() -> onMalformedPacket(error));
            return;
        }
        // [MQTT-4.8.0-1] the decoder names the code: 0x81 malformed, or 0x82, 0x95... [MQTT-4.13.1-1]
        violation(error.reasonCode(), "malformed packet: " + error.getMessage());
    }

    void onKeepAliveTimeout() {
        assert owner.isCurrent();
        // [MQTT-3.1.2-24] dropped as if the network failed, so the will is published
        close(Ending.ABNORMAL, DisconnectReason.KEEP_ALIVE_TIMEOUT, "keep-alive timeout");
    }

    /** The channel's outbound buffer crossed a water mark. */
    void onFlow(ClientMemory.Flow flow) {
        assert owner.isCurrent();
        if (phase == Phase.CONNECTED) {
            session().flow(flow);
        }
    }

    void onChannelClosed() {
        assert owner.isCurrent();
        close(Ending.ABNORMAL, DisconnectReason.CONNECTION_LOST, "connection lost");
    }

    /** A protocol violation: counted, logged once (by the close), will published, connection closed [MQTT-4.8.0-1]. */
    void violation(String reason) {
        violation(ReasonCode.PROTOCOL_ERROR, reason);
    }

    /** The same, telling an MQTT 5 client {@code code} in a DISCONNECT first [MQTT-4.13.1-1]. */
    void violation(ReasonCode code, String reason) {
        if (phase == Phase.CLOSED) {
            return;
        }
        broker.stats().protocolViolations.increment();
        if (phase == Phase.AUTHENTICATING) {
            LOG.warn("client {} from {} closed before CONNACK: protocol violation: {}", clientId,
                    channel.remoteAddress(), reason);
        }
        close(Ending.ABNORMAL, DisconnectReason.PROTOCOL_VIOLATION, code, "protocol violation: " + reason);
    }

    /**
     * The client read too slowly and its slow-consumer policy is disconnect: like a network failure for the client,
     * so its will is published.
     */
    void slowConsumer() {
        close(Ending.ABNORMAL, DisconnectReason.SLOW_CONSUMER, "slow consumer: memory budget exceeded");
    }

    /** An operator closed the connection: like a network failure for the client, so its will is published. */
    void kick() {
        close(Ending.ABNORMAL, DisconnectReason.ADMIN_KICK, "closed by an administrator");
    }

    /** The broker is stopping: an MQTT 5 client is told so (0x8B) before the close. */
    void shutDown() {
        close(Ending.ABNORMAL, DisconnectReason.SERVER_SHUTTING_DOWN, "server shutting down");
    }

    void close(Ending ending, DisconnectReason reason, String detail) {
        close(ending, reason, reason.mqtt5Code(), detail);
    }

    /**
     * The single way out: once only, publishes the will unless the ending is normal, ends or parks the session.
     * When the server ends a connection it accepted, an MQTT 5 client first gets a DISCONNECT with {@code code}
     * [MQTT-3.14.0-1]; nothing follows it [MQTT-3.14.4-1].
     */
    private void close(Ending ending, DisconnectReason reason, @Nullable ReasonCode code, String detail) {
        assert owner.isCurrent();
        if (phase == Phase.CLOSED) {
            return;
        }
        Phase was = phase;
        phase = Phase.CLOSED;
        broker.threads().owners().release(clientId); // the session, if any, holds its own claim
        held.clear();
        if (enhanced != null) {
            enhanced.end();
        }
        if (was == Phase.CONNECTED && code != null && isMqtt5()) {
            channel.send(new Disconnect(code, DisconnectProperties.EMPTY));
        }
        channel.close();
        if (was != Phase.CONNECTED) {
            return;
        }
        LOG.info("client {} disconnected from {} ({}): {}", clientId, channel.remoteAddress(), versionName(), detail);
        broker.stats().connectedClients.decrement();
        broker.stats().disconnected(reason);
        Will pending = will;
        will = null; // [MQTT-3.1.2-10] removed once published or after DISCONNECT
        if (ending == Ending.ABNORMAL && pending != null) {
            WillPublisher.connectionEnded(broker, identity, pending, session());
        }
        session().detach(this);
    }

    /**
     * DISCONNECT: the will is discarded unpublished [MQTT-3.14.4-3] (3.1.1 and 5.0 alike), unless an MQTT 5
     * client asks for it with reason code 0x04, Disconnect with Will Message.
     */
    void disconnect(Disconnect disconnect) {
        if (!DisconnectExpiry.accepted(this, disconnect)) {
            return;
        }
        if (isMqtt5() && disconnect.reasonCode() == ReasonCode.DISCONNECT_WITH_WILL_MESSAGE) {
            close(Ending.ABNORMAL, DisconnectReason.CLIENT_DISCONNECT, null, "DISCONNECT with will message");
            return;
        }
        will = null;
        close(Ending.NORMAL, DisconnectReason.CLIENT_DISCONNECT, "DISCONNECT");
    }

    /** The connection as operators see it; only while connected. */
    ClientInfo.Connected describe() {
        assert owner.isCurrent();
        return new ClientInfo.Connected(channel.remoteAddress(), versionName(), connect.username(),
                keepAliveSeconds, connectedSince, channel.listener().listenerName());
    }

    private String versionName() {
        return switch (connect.version()) {
            case MQTT_3_1 -> "MQTT 3.1";
            case MQTT_3_1_1 -> "MQTT 3.1.1";
            case MQTT_5 -> "MQTT 5.0";
        };
    }
}
