package io.ternmq.core;

import io.ternmq.core.TestBroker.SessionMode;
import io.ternmq.protocol.Qos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static io.ternmq.core.TestClient.publish;
import static org.assertj.core.api.Assertions.assertThat;

class RevokeSubscriptionsTest {

    private final TestBroker broker = new TestBroker();

    @AfterEach
    void close() {
        broker.close();
    }

    @Test
    void revoke_refusedFilters_removedFromOnlineAndOfflineSessions_othersKept() {
        TestClient online = broker.connected("online", SessionMode.CLEAN);
        online.subscribe(1, "secret/#", Qos.AT_MOST_ONCE);
        online.subscribe(2, "open/#", Qos.AT_MOST_ONCE);
        TestClient parked = broker.connected("parked", SessionMode.PERSISTENT);
        parked.subscribe(1, "secret/x", Qos.AT_LEAST_ONCE);
        parked.networkClosed();
        broker.drain();

        CompletableFuture<Integer> revoked = broker.core
                .revokeSubscriptions((client, filter) -> !filter.startsWith("secret/")).toCompletableFuture();
        broker.drain();

        assertThat(revoked).isCompletedWithValue(2);
        assertThat(broker.sessionInfo("online").orElseThrow().topicFilters()).containsExactly("open/#");
        assertThat(broker.sessionInfo("parked").orElseThrow().topicFilters()).isEmpty();
        TestClient publisher = broker.connected("pub", SessionMode.CLEAN);
        publisher.send(publish("secret/x", Qos.AT_MOST_ONCE, 0, "hidden"));
        publisher.send(publish("open/x", Qos.AT_MOST_ONCE, 0, "seen"));
        broker.drain();
        assertThat(online.channel().publishes()).extracting(TestClient::text).containsExactly("seen");
    }

    @Test
    void revoke_predicateSeesTheClientsIdentity() {
        TestClient client = broker.connected("c-7", SessionMode.CLEAN);
        client.subscribe(1, "clients/c-7", Qos.AT_MOST_ONCE);
        client.subscribe(2, "clients/other", Qos.AT_MOST_ONCE);

        var revoked = broker.core
                .revokeSubscriptions((identity, filter) -> filter.equals("clients/" + identity.clientId()))
                .toCompletableFuture();
        broker.drain();

        assertThat(revoked).isCompletedWithValue(1);
        assertThat(broker.sessionInfo("c-7").orElseThrow().topicFilters()).containsExactly("clients/c-7");
    }

    @Test
    void revoke_afterClose_completesWithZero() {
        broker.close();

        assertThat(broker.core.revokeSubscriptions((client, filter) -> false).toCompletableFuture())
                .isCompletedWithValue(0);
    }
}
