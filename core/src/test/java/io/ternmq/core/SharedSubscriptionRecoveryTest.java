package io.ternmq.core;

import io.ternmq.core.TestBroker.SessionMode;
import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.store.StoredSession;
import io.ternmq.store.memory.InMemoryStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A stored session's shared subscription comes back with it after a restart. */
class SharedSubscriptionRecoveryTest {

    private final InMemoryStorage storage = new InMemoryStorage();
    private TestBroker broker;

    @AfterEach
    void close() {
        broker.close();
    }

    @Test
    void restart_storedSharedSubscription_memberAgainAndGetsMessagesWhenBack() {
        storage.sessions().save(new StoredSession("member", Map.of("$share/g/t", Qos.AT_LEAST_ONCE)));
        broker = new TestBroker(new CoreConfig(2, 8, 100), Authenticator.ALLOW_ALL, Authorizer.ALLOW_ALL,
                new CoreStores(storage));
        TestClient publisher = broker.connected("pub", SessionMode.CLEAN);

        // the only member is offline: the message waits in its queue
        publisher.send(TestClient.publish("t", Qos.AT_LEAST_ONCE, 1, "kept"));
        TestClient member = broker.client("member-peer");
        member.send(TestBroker.connect("member", SessionMode.PERSISTENT, 0, null));

        assertThat(member.channel().publishes()).extracting(Publish::topic, TestClient::text)
                .containsExactly(tuple("t", "kept"));
        assertThat(broker.sessionInfo("member").orElseThrow().topicFilters()).containsExactly("$share/g/t");
    }
}
