package io.ternmq.core;

import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.store.RetainedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * What operators may ask of and do to a running core, from any thread. Session state is only ever read or
 * changed by a task posted to the session's owner thread, whose answer completes a future; the shared,
 * lock-guarded structures (retained messages) are used directly. Futures time out rather than hang when the
 * core stops while a question is pending.
 */
public final class AdminOperations {

    /**
     * The broker's own topics ($SYS): it republishes their values every interval and at start, so they are retained
     * in memory only, never written to the store.
     */
    public static final String BROKER_TOPICS = "$SYS/broker/";
    private static final Logger log = LoggerFactory.getLogger(AdminOperations.class);
    /** Session thread that runs messages published by the broker itself ($SYS, the admin API), in order. */
    private static final String INTERNAL_PUBLISHER = "$internal";
    private static final long ANSWER_TIMEOUT_SECONDS = 10;

    /** What a kick found. */
    public enum KickOutcome { DISCONNECTED, NOT_CONNECTED, UNKNOWN_CLIENT }

    private final BrokerContext broker;
    private volatile boolean closed;

    AdminOperations(BrokerContext broker) {
        this.broker = broker;
    }

    void closed() {
        closed = true;
    }

    /** Every session, connected or not, sorted by client id. */
    public CompletionStage<List<ClientInfo>> clients() {
        if (closed) {
            return CompletableFuture.completedFuture(List.of());
        }
        SessionThreads threads = broker.threads();
        List<CompletableFuture<List<ClientInfo>>> parts = new ArrayList<>(threads.size());
        for (int i = 0; i < threads.size(); i++) {
            SessionThread thread = threads.get(i);
            CompletableFuture<List<ClientInfo>> part = bounded(new CompletableFuture<>());
            thread.execute(() -> part.complete(thread.sessions().values().stream().map(Session::clientInfo).toList()));
            parts.add(part);
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(done -> parts.stream()
                .flatMap(part -> part.join().stream())
                .sorted(Comparator.comparing(ClientInfo::clientId))
                .toList());
    }

    /** One client's session, if it has one. */
    public CompletionStage<Optional<ClientInfo>> client(String clientId) {
        if (closed) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        SessionThread owner = broker.threads().owners().ownerOf(clientId);
        if (owner == null) {
            return CompletableFuture.completedFuture(Optional.empty()); // nothing of the client id exists
        }
        CompletableFuture<Optional<ClientInfo>> result = bounded(new CompletableFuture<>());
        owner.execute(() -> result.complete(
                Optional.ofNullable(owner.sessions().get(clientId)).map(Session::clientInfo)));
        return result;
    }

    /**
     * Closes the client's connection as if the network had failed: its will is published and its session is kept
     * or ended per its CleanSession flag.
     */
    public CompletionStage<KickOutcome> kick(String clientId) {
        if (closed) {
            return CompletableFuture.completedFuture(KickOutcome.UNKNOWN_CLIENT);
        }
        SessionThread owner = broker.threads().owners().ownerOf(clientId);
        if (owner == null) {
            return CompletableFuture.completedFuture(KickOutcome.UNKNOWN_CLIENT);
        }
        CompletableFuture<KickOutcome> result = bounded(new CompletableFuture<>());
        owner.execute(() -> {
            Session session = owner.sessions().get(clientId);
            if (session == null) {
                result.complete(KickOutcome.UNKNOWN_CLIENT);
            } else if (session.connection() == null) {
                result.complete(KickOutcome.NOT_CONNECTED);
            } else {
                session.connection().kick();
                result.complete(KickOutcome.DISCONNECTED);
            }
        });
        return result;
    }

    /** Retained messages whose topics match {@code filter} (a valid topic filter), in no particular order. */
    public List<RetainedMessage> retained(String filter) {
        List<RetainedMessage> matching = new ArrayList<>();
        broker.retained().forEachMatching(filter, matching::add);
        return matching;
    }

    /** Deletes the topic's retained message without delivering anything; false when there was none. */
    public boolean deleteRetained(String topic) {
        if (retained(topic).isEmpty()) {
            return false;
        }
        broker.retained().clear(topic);
        return true;
    }

    /**
     * Publishes a message as the broker (no client identity, so no publish authorization), through the normal
     * router: subscriptions, which the authorizer allowed, decide who gets it. Completes once routed.
     * {@code topic} must be a valid topic name.
     */
    public CompletionStage<Void> publish(String topic, byte[] payload, Qos qos, Retain retain) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the broker is stopping"));
        }
        var message = new Publish(topic, qos, retain == Retain.YES, false, 0, payload);
        CompletableFuture<Void> routed = bounded(new CompletableFuture<>());
        broker.threads().forKey(INTERNAL_PUBLISHER).execute(() -> {
            try {
                broker.router().route(message);
                routed.complete(null);
            } catch (RuntimeException e) {
                routed.completeExceptionally(e);
            }
        });
        return routed;
    }

    /**
     * Publishes retained QoS 0 messages as the broker, in iteration order, in one task and without an answer: for
     * the values it republishes every interval under {@link #BROKER_TOPICS}, where a task and a timeout per topic
     * would wake the broker's threads once per topic. Topics must be valid topic names; nothing happens once the
     * core is stopping.
     */
    public void publishRetained(SequencedMap<String, byte[]> payloadsByTopic) {
        if (closed || payloadsByTopic.isEmpty()) {
            return;
        }
        List<Publish> messages = new ArrayList<>(payloadsByTopic.size());
        payloadsByTopic.forEach((topic, payload) ->
                messages.add(new Publish(topic, Qos.AT_MOST_ONCE, true, false, 0, payload)));
        broker.threads().forKey(INTERNAL_PUBLISHER).execute(() -> {
            for (Publish message : messages) {
                try {
                    broker.router().route(message);
                } catch (RuntimeException e) {
                    log.warn("routing the broker's message on {} failed", message.topic(), e);
                }
            }
        });
    }

    /** Whether a broker-published message replaces the topic's retained message. */
    public enum Retain { YES, NO }

    private static <T> CompletableFuture<T> bounded(CompletableFuture<T> future) {
        return future.orTimeout(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
