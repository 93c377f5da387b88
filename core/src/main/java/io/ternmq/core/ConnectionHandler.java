package io.ternmq.core;

import io.ternmq.protocol.Connack;
import io.ternmq.protocol.ConnackProperties;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.ConnectReturnCode;
import io.ternmq.protocol.MalformedPacketException;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.ReasonCode;
import io.ternmq.protocol.UnsupportedProtocolVersionException;
import io.ternmq.protocol.Will;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The transport-facing side of one connection, called on its IO thread. Until the CONNECT it decides alone (no
 * session thread is known yet); from the CONNECT on it only hands events to the {@link Connection} on the
 * session's owner thread, in arrival order, and returns.
 */
final class ConnectionHandler implements MqttConnection {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);

    private enum Phase { AWAITING_CONNECT, CONNECT_RECEIVED, CLOSED }

    private final BrokerContext broker;
    private final ClientChannel channel;
    private @Nullable InboundBackPressure backPressure;
    private @Nullable SessionThread owner;
    private Phase phase = Phase.AWAITING_CONNECT;
    private @Nullable Connection connection;
    /** Runs this connection's packets on its session thread, from CONNECT on. */
    private @Nullable InboundPackets inbound;
    /**
     * While its session is asked to move to this thread ({@link SessionMove}): the events read meanwhile, in order,
     * each as a task and its argument, handed over once the session's owner is settled; else null.
     */
    private @Nullable ArrayDeque<Object> parked;

    ConnectionHandler(BrokerContext broker, ClientChannel channel) {
        this.broker = broker;
        this.channel = channel;
    }

    @Override
    public void onPacket(MqttPacket packet) {
        switch (phase) {
            case AWAITING_CONNECT -> {
                if (packet instanceof Connect connect) {
                    onConnect(connect);
                } else {
                    violation("first packet is " + packet.type() + ", not CONNECT"); // [MQTT-3.1.0-1]
                }
            }
            case CONNECT_RECEIVED -> {
                if (packet instanceof Publish publish) {
                    onPublish(publish);
                } else {
                    postPacket(packet);
                }
            }
            case CLOSED -> { }
        }
    }

    /**
     * A PUBLISH holds its bytes in the memory budget until its session thread has routed it; while the broker's
     * budget is exhausted, reading stops after it (back-pressure on publishers, DESIGN section 3).
     */
    private void onPublish(Publish publish) {
        if (broker.memory().exhausted()) {
            InboundBackPressure pressure = backPressure;
            assert pressure != null : "publishes are handled only after CONNECT";
            broker.memory().hold(pressure);
        }
        postPacket(publish);
    }

    @Override
    public void onWritabilityChanged(ClientChannel.WriteState state) {
        if (phase == Phase.CONNECT_RECEIVED) {
            ClientMemory.Flow flow = state == ClientChannel.WriteState.WRITABLE
                    ? ClientMemory.Flow.WRITABLE : ClientMemory.Flow.CONGESTED;
            post(c -> c.onFlow(flow));
        }
    }

    private void onConnect(Connect connect) {
        ServerRedirect redirect = broker.config().mqtt5().connectPolicy().redirect();
        if (redirect != null) {
            refuse(ConnectReturnCode.SERVER_UNAVAILABLE, ConnectRefusal.redirect(connect.version(), redirect));
            return;
        }
        String clientId = connect.clientId();
        String assignedClientId = null;
        if (clientId.isEmpty()) {
            // 3.1.1 [MQTT-3.1.3-8]: only for a clean session; 5.0 assigns one whatever Clean Start says
            if (!connect.cleanSession() && connect.version() != ProtocolVersion.MQTT_5) {
                refuse(connect.version(), ConnectReturnCode.IDENTIFIER_REJECTED);
                return;
            }
            clientId = broker.clientIds().next(); // [MQTT-3.1.3-6]
            assignedClientId = clientId;
        }
        Will will = connect.will();
        ReasonCode willUnsupported = will == null ? null : broker.config().mqtt5().connectPolicy().unsupported(will);
        if (willUnsupported != null) {
            // [MQTT-3.2.2-12] [MQTT-3.2.2-13] 5.0 is told why; 3.1.1 has no code for it, so the connection just closes
            if (connect.version() == ProtocolVersion.MQTT_5) {
                refuse(ConnectReturnCode.SERVER_UNAVAILABLE, new Connack(false, willUnsupported,
                        ConnackProperties.EMPTY));
            } else {
                violation("will " + willUnsupported);
            }
            return;
        }
        String willBeyondLimits = will == null ? null : broker.config().topicLimits().exceededBy(will.topic());
        if (willBeyondLimits != null) {
            violation("will " + willBeyondLimits); // as a PUBLISH to that topic would be
            return;
        }
        SessionThread owner = broker.threads().owners().claim(clientId); // released by the connection when it closes
        InboundBackPressure pressure = new InboundBackPressure(channel, broker.memory(), owner);
        Connection created = new Connection(broker, channel, owner, connect, clientId, assignedClientId, pressure);
        backPressure = pressure;
        connection = created;
        inbound = new InboundPackets(created, pressure);
        this.owner = owner;
        phase = Phase.CONNECT_RECEIVED;
        // on the IO threads, the connection's reads and writes then need no hand-off to and from its session
        channel.shareThreadWith(owner.executor());
        owner.execute(created::start);
    }

    @Override
    public void onMalformedPacket(MalformedPacketException error) {
        switch (phase) {
            case AWAITING_CONNECT -> {
                if (error instanceof UnsupportedProtocolVersionException) {
                    // [MQTT-3.1.2-2] answered in 3.1.1 form: the client's level is one this broker does not speak
                    refuse(ProtocolVersion.MQTT_3_1_1, ConnectReturnCode.UNACCEPTABLE_PROTOCOL_VERSION);
                } else {
                    violation("malformed CONNECT: " + error.getMessage()); // [MQTT-3.1.4-1]
                }
            }
            case CONNECT_RECEIVED -> post(c -> c.onMalformedPacket(error));
            case CLOSED -> { }
        }
    }

    @Override
    public void onKeepAliveTimeout() {
        if (phase == Phase.CONNECT_RECEIVED) {
            post(Connection::onKeepAliveTimeout);
        }
    }

    @Override
    public void onMovedByBalancing() {
        SessionThread here = SessionThread.ofThisThread();
        if (here != null) {
            onMovedTo(here);
        }
    }

    /**
     * The connection is read on {@code here}'s thread now: asks the session's thread to move the session here.
     * Until it answers, what is read waits here, so that nothing read after this runs before what was handed to
     * the old owner.
     */
    void onMovedTo(SessionThread here) {
        if (phase != Phase.CONNECT_RECEIVED || parked != null || here == owner) {
            return;
        }
        post(c -> {
            SessionMove.tryMove(c, here, broker);
            SessionThread newOwner = c.owner(); // the thread that owns it from now on, whether it moved or not
            channel.runOnIoThread(() -> settled(newOwner));
        });
        parked = new ArrayDeque<>();
    }

    /** The session's owner from now on is known: what waited is handed to it, in order. */
    private void settled(SessionThread settledOwner) {
        ArrayDeque<Object> waiting = parked;
        assert waiting != null : "settled only after a move was asked";
        parked = null;
        if (settledOwner != owner) {
            owner = settledOwner;
            channel.shareThreadWith(settledOwner.executor()); // its home loop, where balancing may send it back
        }
        while (!waiting.isEmpty()) {
            settledOwner.execute((SessionTask) waiting.pollFirst(), waiting.pollFirst());
        }
    }

    @Override
    public void onChannelClosed() {
        if (phase == Phase.CONNECT_RECEIVED) {
            post(Connection::onChannelClosed);
        }
        phase = Phase.CLOSED;
    }

    /** Hands the event to the session thread; it counts against the connection's queue until it has run. */
    private void post(Consumer<Connection> event) {
        Connection target = connection;
        SessionThread thread = owner;
        InboundBackPressure pressure = backPressure;
        assert target != null && thread != null && pressure != null : "events are posted only after CONNECT";
        pressure.posted();
        hand(thread, SessionTask.RUNNABLE, (Runnable) () -> {
            try {
                event.accept(target);
            } finally {
                pressure.handled();
            }
        });
    }

    /** Runs the task on {@code thread}, or keeps it for later while the session may move ({@link #parked}). */
    private void hand(SessionThread thread, SessionTask task, Object argument) {
        ArrayDeque<Object> waiting = parked;
        if (waiting == null) {
            thread.execute(task, argument);
        } else {
            waiting.addLast(task);
            waiting.addLast(argument);
        }
    }

    /**
     * As {@link #post}, for a packet, which is handed over with the connection's {@link InboundPackets} instead of
     * in an object of its own; a PUBLISH's bytes count too.
     */
    private void postPacket(MqttPacket packet) {
        SessionThread thread = owner;
        InboundPackets task = inbound;
        assert thread != null && task != null : "packets are posted only after CONNECT";
        task.backPressure().posted(heldBytes(packet));
        hand(thread, task, packet);
    }

    /** What a packet on its way to the session thread holds of the memory budget: a PUBLISH's message. */
    private static long heldBytes(MqttPacket packet) {
        return packet instanceof Publish publish ? ClientMemory.sizeOf(publish.topic(), publish.payload()) : 0;
    }

    /**
     * One connection's packets, each run on the session thread with the packet as the argument: an object per
     * packet was the last one the core allocated per routed PUBLISH (bench/RESULTS.md, nineteenth pass).
     */
    private record InboundPackets(Connection target, InboundBackPressure backPressure) implements SessionTask {

        @Override
        public void run(Object argument) {
            MqttPacket packet = (MqttPacket) argument;
            try {
                target.onPacket(packet);
            } finally {
                backPressure.handled(heldBytes(packet));
            }
        }
    }

    /** Before CONNECT nothing is at stake but the socket: count, log once, close. */
    private void violation(String reason) {
        phase = Phase.CLOSED;
        broker.stats().protocolViolations.increment();
        LOG.warn("protocol violation from {} before CONNECT: {}", channel.remoteAddress(), reason);
        channel.close();
    }

    /** [MQTT-3.2.2-4] Session Present 0 with every refusal, then the close [MQTT-3.2.2-5]. */
    private void refuse(ProtocolVersion version, ConnectReturnCode code) {
        refuse(code, ConnectRefusal.connack(version, code));
    }

    /** @param counted the 3.1.1 return code the refusal is counted under */
    private void refuse(ConnectReturnCode counted, Connack connack) {
        phase = Phase.CLOSED;
        broker.stats().refusedConnections.increment();
        broker.stats().connected(counted);
        LOG.info("refused connection from {}: 0x{}", channel.remoteAddress(),
                Integer.toHexString(connack.returnCode()));
        channel.send(connack);
        channel.close();
    }
}
