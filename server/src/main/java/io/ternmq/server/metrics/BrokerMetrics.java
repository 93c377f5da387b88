package io.ternmq.server.metrics;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ternmq.core.BrokerStats;
import io.ternmq.core.DisconnectReason;
import io.ternmq.core.DropReason;
import io.ternmq.core.MemoryBudget;
import io.ternmq.protocol.ConnectReturnCode;
import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.Qos;
import io.ternmq.store.StorageMode;
import io.ternmq.store.StorageStats;
import io.ternmq.transport.TransportStats;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The broker's meters. Every one reads a counter the core or transport already keeps (FunctionCounter, Gauge), so
 * the PUBLISH path pays for metrics only with the counter increments it makes anyway; Micrometer does its work
 * when scraped. The meter list is documented in docs/observability.md.
 */
public final class BrokerMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public BrokerMetrics(BrokerStats broker, TransportStats transport) {
        bindBroker(broker);
        bindTransport(transport);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /**
     * The storage writer: the mode as a gauge of 1, batches and their size, write time, and the backlog. Batch size
     * and write time are recorded by the writer's observer once per batch, never per message.
     */
    public void bindStorage(StorageMode mode, StorageStats stats) {
        Gauge.builder("ternmq.storage.mode", () -> 1).description("The storage mode in use (value 1)")
                .tag("mode", mode.configName()).register(registry);
        counter("ternmq.store.write.batches", "Write batches (group commits) written to the database", stats,
                StorageStats::writeBatches);
        FunctionCounter.builder("ternmq.store.written.entries", stats, StorageStats::entriesWritten)
                .description("Row changes written to the database").register(registry);
        gauge("ternmq.store.pending.writes", "Changes submitted to the storage writer and not yet written", stats,
                StorageStats::pendingWrites);
        Gauge.builder("ternmq.store.pending.writes.size", stats, StorageStats::pendingBytes)
                .description("Approximate memory held by changes not yet written").baseUnit(BaseUnits.BYTES)
                .register(registry);
        DistributionSummary batchSize = DistributionSummary.builder("ternmq.store.write.batch.size")
                .description("Row changes per write batch").register(registry);
        Timer writeTime = Timer.builder("ternmq.store.write").description("Time of one batch write (with sync in"
                + " fsync mode)").register(registry);
        stats.observeBatches((entries, nanos) -> {
            batchSize.record(entries);
            writeTime.record(nanos, TimeUnit.NANOSECONDS);
        });
    }

    /** Every meter in Prometheus text exposition format. */
    public String scrape() {
        return registry.scrape();
    }

    public MeterRegistry registry() {
        return registry;
    }

    private void bindBroker(BrokerStats stats) {
        gauge("ternmq.clients.connected", "Clients connected (CONNACK accepted, not yet closed)", stats,
                BrokerStats::connectedClients);
        gauge("ternmq.sessions", "Sessions held: connected clients and offline persistent sessions", stats,
                BrokerStats::sessions);
        for (ConnectReturnCode code : ConnectReturnCode.values()) {
            FunctionCounter.builder("ternmq.connects", stats, s -> s.connects(code))
                    .description("CONNECTs answered, by CONNACK return code")
                    .tag("result", label(code)).register(registry);
        }
        for (DisconnectReason reason : DisconnectReason.values()) {
            FunctionCounter.builder("ternmq.disconnects", stats, s -> s.disconnects(reason))
                    .description("Connections of connected clients that ended, by reason")
                    .tag("reason", label(reason)).register(registry);
        }
        for (Qos qos : Qos.values()) {
            FunctionCounter.builder("ternmq.publishes.received", stats, s -> s.publishesReceived(qos))
                    .description("PUBLISH packets received from clients, by QoS")
                    .tag("qos", Integer.toString(qos.value())).register(registry);
        }
        counter("ternmq.messages.delivered", "PUBLISH packets sent to subscribers (resends included)", stats,
                BrokerStats::messagesSent);
        for (DropReason reason : DropReason.values()) {
            FunctionCounter.builder("ternmq.messages.dropped", stats, s -> s.drops(reason))
                    .description("Messages not delivered, by reason")
                    .tag("reason", label(reason)).register(registry);
        }
        counter("ternmq.sessions.expired", "Sessions discarded because their session expiry interval ran out", stats,
                BrokerStats::expiredSessions);
        counter("ternmq.backlog.publisher.pauses", "Times a publisher stopped being read because a session "
                + "thread its messages go to was behind", stats, BrokerStats::backlogPauses);
        counter("ternmq.sessions.moved", "Publishers' sessions moved to the session thread of the IO loop that "
                + "reads their connection since IO loop balancing moved it", stats, BrokerStats::sessionMoves);
        counter("ternmq.protocol.violations", "Connections closed for a malformed packet or protocol violation",
                stats, BrokerStats::protocolViolations);
        gauge("ternmq.messages.queued", "QoS 1/2 messages waiting in session queues", stats,
                BrokerStats::queuedMessages);
        gauge("ternmq.messages.inflight", "QoS 1/2 messages sent and not yet acknowledged", stats,
                BrokerStats::inflightMessages);
        gauge("ternmq.messages.retained", "Topics with a retained message", stats, BrokerStats::retainedMessages);
        gauge("ternmq.subscriptions", "Subscriptions (one per session and topic filter)", stats,
                BrokerStats::subscriptions);
        for (int thread = 0; thread < stats.sessionThreads(); thread++) {
            int index = thread;
            Gauge.builder("ternmq.session.thread.clients", stats, s -> s.clientIdsOwned(index))
                    .description("Client ids a session thread owns: connected, connecting, or with an offline "
                            + "session (how evenly the threads share the clients)")
                    .tag("thread", Integer.toString(thread)).register(registry);
        }
        bindMemory(stats.memory());
    }

    /** The memory budget: how much is held, how much is left, and when publishers were held back. */
    private void bindMemory(MemoryBudget memory) {
        Gauge.builder("ternmq.memory.budget.used", memory, MemoryBudget::usedBytes)
                .description("Bytes of messages held for clients: queued, in flight, waiting for slow connections, "
                        + "read but not yet routed").baseUnit(BaseUnits.BYTES).register(registry);
        Gauge.builder("ternmq.memory.budget.limit", memory, MemoryBudget::limitBytes)
                .description("limits.max_memory").baseUnit(BaseUnits.BYTES).register(registry);
        Gauge.builder("ternmq.memory.budget.headroom", memory, MemoryBudget::headroomBytes)
                .description("Bytes left before publishers are paused (negative while over the limit)")
                .baseUnit(BaseUnits.BYTES).register(registry);
        Gauge.builder("ternmq.memory.budget.client.limit", memory, MemoryBudget::clientLimitBytes)
                .description("limits.max_client_memory").baseUnit(BaseUnits.BYTES).register(registry);
        gauge("ternmq.memory.budget.exhausted", "1 while publishers are paused because the budget is exhausted",
                memory, m -> m.isExhausted() ? 1 : 0);
        counter("ternmq.memory.publisher.pauses", "Times a publisher stopped being read because the budget was "
                + "exhausted", memory, MemoryBudget::publisherPauses);
    }

    private void bindTransport(TransportStats stats) {
        gauge("ternmq.connections.open", "Open client TCP connections, before and after CONNECT", stats,
                TransportStats::openConnections);
        gauge("ternmq.connections.pending", "Open client connections that have not sent CONNECT yet", stats,
                TransportStats::pendingConnects);
        FunctionCounter.builder("ternmq.connections.refused.pending", stats, TransportStats::refusedPendingConnects)
                .description("Connections closed at accept: limits.max_pending_connects were waiting for CONNECT")
                .register(registry);
        FunctionCounter.builder("ternmq.connections.moved", stats, TransportStats::connectionMoves)
                .description("Connections moved to a less busy IO thread (sessions.balance_io_threads)")
                .register(registry);
        FunctionCounter.builder("ternmq.network.received", stats, TransportStats::bytesReceived)
                .description("Bytes read from client connections").baseUnit(BaseUnits.BYTES).register(registry);
        FunctionCounter.builder("ternmq.network.sent", stats, TransportStats::bytesSent)
                .description("Bytes written to client connections").baseUnit(BaseUnits.BYTES).register(registry);
        for (PacketType type : PacketType.values()) {
            FunctionCounter.builder("ternmq.packets.received", stats, s -> s.packetsReceived(type))
                    .description("Control packets received, by type")
                    .tag("type", label(type)).register(registry);
            FunctionCounter.builder("ternmq.packets.sent", stats, s -> s.packetsSent(type))
                    .description("Control packets sent, by type")
                    .tag("type", label(type)).register(registry);
        }
        Gauge.builder("ternmq.netty.buffer.memory.used", stats, TransportStats::usedDirectBufferMemory)
                .description("Memory held by Netty's default buffer allocator (-1: not reported)")
                .baseUnit(BaseUnits.BYTES).tag("area", "direct").register(registry);
        Gauge.builder("ternmq.netty.buffer.memory.used", stats, TransportStats::usedHeapBufferMemory)
                .description("Memory held by Netty's default buffer allocator (-1: not reported)")
                .baseUnit(BaseUnits.BYTES).tag("area", "heap").register(registry);
    }

    private <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
        Gauge.builder(name, source, value).description(description).register(registry);
    }

    private <T> void counter(String name, String description, T source, ToDoubleFunction<T> value) {
        FunctionCounter.builder(name, source, value).description(description).register(registry);
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
