package io.ternmq.core;

import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.core.auth.ClientIdentity;
import io.ternmq.store.StorageMode;
import io.ternmq.store.StorageStats;
import io.ternmq.store.StoredSession;
import io.ternmq.store.StoredWill;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiPredicate;

/**
 * The broker without its network: sessions, routing, retained messages and wills. The transport creates one
 * {@link MqttConnection} per accepted connection through {@link #accept(ClientChannel)}.
 */
public final class BrokerCore implements AutoCloseable {

    private final BrokerContext broker;
    private final AdminOperations admin;
    private final DeadlineTicker ticker;
    private final MemoryBudget memory;
    private final MemorySampler memorySampler;
    private volatile boolean closed;

    /** In-memory stores and one platform thread per session executor. */
    public BrokerCore(CoreConfig config, Authenticator authenticator, Authorizer authorizer, Clock clock) {
        this(config, authenticator, authorizer, clock, CoreStores.inMemory(), SessionExecutorFactory.SINGLE_THREADS);
    }

    /**
     * With the given stores (persistent sessions with their queues and in-flight messages, and retained messages
     * are restored from them) and session executors (tests inject executors they drain by hand).
     */
    public BrokerCore(CoreConfig config, Authenticator authenticator, Authorizer authorizer, Clock clock,
                      CoreStores stores, SessionExecutorFactory executors) {
        this(config, authenticator, authorizer, clock, stores, executors, SessionPlacement.FEWEST_OWNED);
    }

    /** The same, with new client ids placed on session threads by {@code placement}. */
    BrokerCore(CoreConfig config, Authenticator authenticator, Authorizer authorizer, Clock clock,
               CoreStores stores, SessionExecutorFactory executors, SessionPlacement placement) {
        // storage is read before any thread exists: unreadable data fails here with nothing to stop
        RetainedIndex retained = new RetainedIndex(stores.retained(), clock);
        Recovery.Result recovered = Recovery.run(stores.storage(), queuePageSize(config), clock);
        SessionThreads threads = new SessionThreads(config.sessionThreads(), executors, placement);
        Subscriptions subscriptions = new Subscriptions();
        var messageIds = new MessageIds(recovered.nextMessageId());
        memory = new MemoryBudget(config.memory());
        CoreStats stats = new CoreStats(retained::size, subscriptions::size, memory, threads.owners());
        memorySampler = MemorySampler.start(memory, threads.get(0).executor());
        Router router = new LocalRouter(threads, subscriptions, retained, stores.storage().messages(), messageIds,
                stats, clock);
        broker = new BrokerContext(config, authenticator, authorizer, clock, stores, threads, subscriptions,
                retained, router, new ClientIdGenerator(), stats, messageIds, memory);
        admin = new AdminOperations(broker);
        ticker = new DeadlineTicker(threads, clock);
        Map<String, StoredWill> wills = DelayedWills.recover(stores.storage(), recovered.sessions());
        recovered.sessions().forEach(session -> restore(session, wills.get(session.stored().clientId())));
    }

    /**
     * A stored persistent session comes back offline, subscribed, with its queue, in-flight messages and inbound
     * QoS 2 ids, on its owner thread [MQTT-3.1.2-4].
     */
    private void restore(RecoveredSession recovered, @Nullable StoredWill will) {
        String clientId = recovered.stored().clientId();
        SessionThread owner = broker.threads().owners().claim(clientId); // the session's, released when discarded
        owner.execute(() -> {
            Session session = new Session(clientId, SessionLifetime.PERSISTENT, owner, broker);
            owner.sessions().put(clientId, session);
            StoredSession stored = recovered.stored();
            // each filter with its MQTT 5 options as stored (No Local, Retain As Published, identifier)
            stored.subscriptions().forEach((filter, qos) ->
                    session.subscribe(filter, StoredSubscriptions.restored(stored, filter, qos)));
            session.restore(recovered);
            SessionTimers.restored(session, recovered.stored(), will);
        });
    }

    /** How durable acknowledged messages are: the storage's mode. */
    public StorageMode storageMode() {
        return broker.stores().storage().mode();
    }

    /** The storage writer's counters (batches, latency, backlog), for metrics. */
    public StorageStats storageStats() {
        return broker.stores().storage().stats();
    }

    public MqttConnection accept(ClientChannel channel) {
        return new ConnectionHandler(broker, channel);
    }

    /** The memory budget's state, for metrics and the admin API. */
    public MemoryBudget memory() {
        return memory;
    }

    /** Counters for observability and tests. */
    public BrokerStats stats() {
        return broker.stats();
    }

    /** A snapshot of the client's session, if it has one, taken on the session's owner thread. */
    public CompletionStage<Optional<SessionInfo>> session(String clientId) {
        if (closed) {
            return CompletableFuture.completedFuture(Optional.empty()); // no thread left to ask
        }
        SessionThread owner = broker.threads().owners().ownerOf(clientId);
        if (owner == null) {
            return CompletableFuture.completedFuture(Optional.empty()); // nothing of the client id exists
        }
        CompletableFuture<Optional<SessionInfo>> result = new CompletableFuture<>();
        owner.execute(() -> result.complete(Optional.ofNullable(owner.sessions().get(clientId)).map(Session::info)));
        return result;
    }

    /** Queries and commands for operators, safe to call from any thread. */
    public AdminOperations admin() {
        return admin;
    }

    /**
     * Removes, on each session's owner thread, every subscription {@code stillAllowed} no longer allows (e.g. after
     * the access rules changed); completes with the number removed. Sessions restored from the store that have not
     * connected since keep their subscriptions: who their client is becomes known only when it connects.
     */
    public CompletionStage<Integer> revokeSubscriptions(BiPredicate<ClientIdentity, String> stillAllowed) {
        if (closed) {
            return CompletableFuture.completedFuture(0);
        }
        SessionThreads threads = broker.threads();
        List<CompletableFuture<Integer>> perThread = new ArrayList<>(threads.size());
        for (int i = 0; i < threads.size(); i++) {
            SessionThread owner = threads.get(i);
            CompletableFuture<Integer> done = new CompletableFuture<>();
            perThread.add(done);
            owner.execute(() -> {
                try {
                    int revoked = 0;
                    for (Session session : List.copyOf(owner.sessions().values())) {
                        revoked += session.revokeSubscriptions(stillAllowed);
                    }
                    done.complete(revoked);
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            });
        }
        return CompletableFuture.allOf(perThread.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> perThread.stream().mapToInt(CompletableFuture::join).sum());
    }

    /** The session threads; for what runs on them (tests in this package). */
    SessionThreads threads() {
        return broker.threads();
    }

    /** Runs the session timers (expiry, delayed wills) that are due; tests call it after moving a fake clock. */
    void tickDeadlines() {
        ticker.tick();
    }

    /**
     * Ends every connected client's connection on its session thread, telling MQTT 5 clients DISCONNECT 0x8B
     * Server shutting down; completes once every thread has done so. The first step of a graceful stop.
     * <p>
     * Sessions stop moving between threads first, and every thread is visited twice: a session that left a thread
     * just before that thread's first visit may have reached its new one after that one's first visit, and is ended
     * in the second. Once the first visits are done, no session moves any more ({@link SessionOwners#stopMoves}).
     */
    public CompletionStage<Void> disconnectAll() {
        if (closed) {
            return CompletableFuture.completedFuture(null);
        }
        broker.threads().owners().stopMoves();
        return disconnectEveryThread().thenCompose(firstVisits -> disconnectEveryThread());
    }

    private CompletableFuture<Void> disconnectEveryThread() {
        SessionThreads threads = broker.threads();
        List<CompletableFuture<Void>> perThread = new ArrayList<>(threads.size());
        for (int i = 0; i < threads.size(); i++) {
            SessionThread owner = threads.get(i);
            CompletableFuture<Void> done = new CompletableFuture<>();
            perThread.add(done);
            owner.execute(() -> {
                try {
                    for (Session session : List.copyOf(owner.sessions().values())) {
                        Connection connection = session.connection();
                        if (connection != null) {
                            connection.shutDown();
                        }
                    }
                    done.complete(null);
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            });
        }
        return CompletableFuture.allOf(perThread.toArray(CompletableFuture[]::new));
    }

    /** Stops the session executors; connections must have been closed by the transport first. */
    @Override
    public void close() {
        closed = true;
        admin.closed();
        ticker.close();
        memorySampler.close();
        broker.threads().shutdown();
    }

    /**
     * Queued messages of a recovered session held in memory at once: two windows' worth, so the next page is read
     * while a full window is still out, and at least 64 so that small windows do not mean tiny reads.
     */
    private static int queuePageSize(CoreConfig config) {
        return Math.max(64, 2 * config.maxInflightMessages());
    }
}
