package io.ternmq.server.sys;

import io.ternmq.core.AdminOperations;
import io.ternmq.core.BrokerStats;
import io.ternmq.protocol.ConnectReturnCode;
import io.ternmq.protocol.PacketType;
import io.ternmq.transport.TransportStats;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Computes the $SYS tree: topic to text value, with Mosquitto's names and formats (counts as integers, uptime as
 * "N seconds", loads with two decimals). Owned by the publisher thread. The topic list is documented in
 * docs/observability.md.
 */
final class SysTopics {

    static final String PREFIX = AdminOperations.BROKER_TOPICS;

    private final String version;
    private final BrokerStats broker;
    private final TransportStats transport;
    private final Map<String, Load> loads = new LinkedHashMap<>();

    /** A load figure: the counter it follows and its moving averages. */
    private record Load(LongSupplier counter, LoadAverage average) {
    }

    SysTopics(String version, BrokerStats broker, TransportStats transport) {
        this.version = version;
        this.broker = broker;
        this.transport = transport;
        load("messages/received", this::packetsReceived);
        load("messages/sent", this::packetsSent);
        load("publish/received", () -> transport.packetsReceived(PacketType.PUBLISH));
        load("publish/sent", () -> transport.packetsSent(PacketType.PUBLISH));
        load("bytes/received", transport::bytesReceived);
        load("bytes/sent", transport::bytesSent);
        load("connections", () -> broker.connects(ConnectReturnCode.ACCEPTED));
    }

    private void load(String name, LongSupplier counter) {
        loads.put(name, new Load(counter, new LoadAverage(counter.getAsLong())));
    }

    /** Advances the load averages by {@code elapsedSeconds}; call once per interval before {@link #values}. */
    void tick(double elapsedSeconds) {
        loads.values().forEach(load -> load.average().update(load.counter().getAsLong(), elapsedSeconds));
    }

    /** Every topic with its current text, in a stable order. */
    Map<String, String> values(long uptimeSeconds) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(PREFIX + "version", "TernMQ version " + version);
        values.put(PREFIX + "uptime", uptimeSeconds + " seconds");
        long connected = broker.connectedClients();
        long total = broker.sessions();
        values.put(PREFIX + "clients/connected", Long.toString(connected));
        values.put(PREFIX + "clients/active", Long.toString(connected));
        values.put(PREFIX + "clients/total", Long.toString(total));
        values.put(PREFIX + "clients/disconnected", Long.toString(Math.max(0, total - connected)));
        values.put(PREFIX + "clients/inactive", Long.toString(Math.max(0, total - connected)));
        values.put(PREFIX + "messages/received", Long.toString(packetsReceived()));
        values.put(PREFIX + "messages/sent", Long.toString(packetsSent()));
        values.put(PREFIX + "messages/inflight", Long.toString(broker.inflightMessages()));
        values.put(PREFIX + "messages/stored", Long.toString(broker.queuedMessages() + broker.retainedMessages()));
        values.put(PREFIX + "publish/messages/received", Long.toString(transport.packetsReceived(PacketType.PUBLISH)));
        values.put(PREFIX + "publish/messages/sent", Long.toString(transport.packetsSent(PacketType.PUBLISH)));
        values.put(PREFIX + "publish/messages/dropped", Long.toString(broker.queueOverflowDrops()));
        values.put(PREFIX + "bytes/received", Long.toString(transport.bytesReceived()));
        values.put(PREFIX + "bytes/sent", Long.toString(transport.bytesSent()));
        values.put(PREFIX + "subscriptions/count", Long.toString(broker.subscriptions()));
        values.put(PREFIX + "retained messages/count", Long.toString(broker.retainedMessages()));
        loads.forEach((name, load) -> {
            for (LoadAverage.Window window : LoadAverage.Window.values()) {
                values.put(PREFIX + "load/" + name + "/" + window.suffix(),
                        String.format(Locale.ROOT, "%.2f", load.average().average(window)));
            }
        });
        return values;
    }

    /** Mosquitto counts every control packet as a "message" in messages/received and messages/sent. */
    private long packetsReceived() {
        long sum = 0;
        for (PacketType type : PacketType.values()) {
            sum += transport.packetsReceived(type);
        }
        return sum;
    }

    private long packetsSent() {
        long sum = 0;
        for (PacketType type : PacketType.values()) {
            sum += transport.packetsSent(type);
        }
        return sum;
    }
}
