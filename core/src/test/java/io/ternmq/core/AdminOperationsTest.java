package io.ternmq.core;

import io.ternmq.core.TestBroker.SessionMode;
import io.ternmq.protocol.ConnectReturnCode;
import io.ternmq.protocol.Disconnect;
import io.ternmq.protocol.Qos;
import io.ternmq.store.RetainedMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static io.ternmq.core.TestClient.publish;
import static io.ternmq.core.TestClient.retained;
import static org.assertj.core.api.Assertions.assertThat;

class AdminOperationsTest {

    private final TestBroker broker = new TestBroker();
    private final AdminOperations admin = broker.core.admin();

    private <T> T answer(CompletionStage<T> stage) {
        CompletableFuture<T> future = stage.toCompletableFuture();
        broker.drain();
        assertThat(future).isDone();
        return future.join();
    }

    @Test
    void clients_connectedAndOffline_listedSortedWithTheirState() {
        TestClient online = broker.connected("b-online", SessionMode.CLEAN);
        online.subscribe(1, "x/#", Qos.AT_LEAST_ONCE);
        broker.connected("a-offline", SessionMode.PERSISTENT).send(Disconnect.INSTANCE);

        List<ClientInfo> clients = answer(admin.clients());

        assertThat(clients).extracting(ClientInfo::clientId).containsExactly("a-offline", "b-online");
        assertThat(clients.get(0).connection()).isNull();
        assertThat(clients.get(0).persistent()).isTrue();
        ClientInfo.Connected connection = clients.get(1).connection();
        assertThat(connection).isNotNull();
        assertThat(connection.protocolVersion()).isEqualTo("MQTT 3.1.1");
        assertThat(clients.get(1).subscriptions())
                .containsExactly(new ClientInfo.Subscription("x/#", Qos.AT_LEAST_ONCE));
    }

    @Test
    void client_unknown_isEmpty() {
        assertThat(answer(admin.client("nobody"))).isEqualTo(Optional.empty());
    }

    @Test
    void kick_connectedClient_closesTheChannelAndCountsTheReason() {
        TestClient client = broker.connected("kicked", SessionMode.CLEAN);

        assertThat(answer(admin.kick("kicked"))).isEqualTo(AdminOperations.KickOutcome.DISCONNECTED);

        assertThat(client.channel().isClosed()).isTrue();
        assertThat(broker.core.stats().disconnects(DisconnectReason.ADMIN_KICK)).isEqualTo(1);
        assertThat(broker.core.stats().connectedClients()).isZero();
        assertThat(answer(admin.kick("kicked"))).isEqualTo(AdminOperations.KickOutcome.UNKNOWN_CLIENT);
    }

    @Test
    void kick_offlinePersistentSession_isNotConnected() {
        broker.connected("parked", SessionMode.PERSISTENT).send(Disconnect.INSTANCE);

        assertThat(answer(admin.kick("parked"))).isEqualTo(AdminOperations.KickOutcome.NOT_CONNECTED);
    }

    @Test
    void publish_fromOutside_reachesSubscriberAndUpdatesRetained() {
        TestClient subscriber = broker.connected("sub", SessionMode.CLEAN);
        subscriber.subscribe(1, "ops/#", Qos.AT_MOST_ONCE);
        subscriber.take();

        answer(admin.publish("ops/note", "hi".getBytes(StandardCharsets.UTF_8), Qos.AT_MOST_ONCE,
                AdminOperations.Retain.YES));

        assertThat(subscriber.channel().publishes()).extracting(TestClient::text).containsExactly("hi");
        assertThat(admin.retained("ops/#")).extracting(RetainedMessage::topic).containsExactly("ops/note");
    }

    @Test
    void publishRetained_batch_reachesSubscriberInOrderAsRetainedQos0() {
        TestClient subscriber = broker.connected("sub", SessionMode.CLEAN);
        subscriber.subscribe(1, "$SYS/#", Qos.AT_LEAST_ONCE);
        subscriber.take();
        SequencedMap<String, byte[]> values = new LinkedHashMap<>();
        values.put("$SYS/broker/b", "2".getBytes(StandardCharsets.UTF_8));
        values.put("$SYS/broker/a", "1".getBytes(StandardCharsets.UTF_8));

        admin.publishRetained(values);
        broker.drain();

        assertThat(subscriber.channel().publishes()).extracting(TestClient::text).containsExactly("2", "1");
        assertThat(subscriber.channel().publishes()).allSatisfy(p -> assertThat(p.qos()).isEqualTo(Qos.AT_MOST_ONCE));
        assertThat(admin.retained("$SYS/#")).extracting(RetainedMessage::topic)
                .containsExactlyInAnyOrder("$SYS/broker/a", "$SYS/broker/b");
    }

    @Test
    void publishRetained_afterTheCoreStopped_doesNothing() {
        SequencedMap<String, byte[]> values = new LinkedHashMap<>();
        values.put("$SYS/broker/a", "1".getBytes(StandardCharsets.UTF_8));
        admin.closed();

        admin.publishRetained(values);
        broker.drain();

        assertThat(admin.retained("$SYS/#")).isEmpty();
    }

    @Test
    void deleteRetained_existingAndMissing_reportsWhetherOneWasRemoved() {
        broker.connected("pub", SessionMode.CLEAN).send(retained("r/1", Qos.AT_MOST_ONCE, 0, "v"));

        assertThat(admin.deleteRetained("r/1")).isTrue();
        assertThat(admin.deleteRetained("r/1")).isFalse();
        assertThat(broker.core.stats().retainedMessages()).isZero();
    }

    @Test
    void stats_trafficAndDrops_areCountedByKind() {
        TestClient subscriber = broker.connected("s", SessionMode.PERSISTENT);
        subscriber.subscribe(1, "t", Qos.AT_LEAST_ONCE);
        subscriber.send(Disconnect.INSTANCE);
        TestClient publisher = broker.connected("p", SessionMode.CLEAN);
        publisher.send(publish("t", Qos.AT_LEAST_ONCE, 1, "queued"));
        publisher.send(publish("t", Qos.AT_MOST_ONCE, 0, "offline"));
        publisher.send(publish("none", Qos.AT_MOST_ONCE, 0, "unheard"));

        BrokerStats stats = broker.core.stats();
        assertThat(stats.publishesReceived(Qos.AT_LEAST_ONCE)).isEqualTo(1);
        assertThat(stats.publishesReceived(Qos.AT_MOST_ONCE)).isEqualTo(2);
        assertThat(stats.queuedMessages()).isEqualTo(1);
        assertThat(stats.drops(DropReason.QOS0_OFFLINE)).isEqualTo(1);
        assertThat(stats.drops(DropReason.NO_SUBSCRIBERS)).isEqualTo(1);
        assertThat(stats.sessions()).isEqualTo(2);
        assertThat(stats.subscriptions()).isEqualTo(1);
        assertThat(stats.connects(ConnectReturnCode.ACCEPTED)).isEqualTo(2);
        assertThat(stats.disconnects(DisconnectReason.CLIENT_DISCONNECT)).isEqualTo(1);
    }

    @Test
    void stats_retainedMessageNobodySubscribesTo_isKeptNotCountedAsDropped() {
        TestClient publisher = broker.connected("p", SessionMode.CLEAN);
        publisher.send(retained("kept/for/later", Qos.AT_MOST_ONCE, 0, "v"));
        publisher.send(publish("unheard", Qos.AT_MOST_ONCE, 0, "x"));

        BrokerStats stats = broker.core.stats();
        assertThat(stats.retainedMessages()).isEqualTo(1);
        assertThat(stats.drops(DropReason.NO_SUBSCRIBERS)).isEqualTo(1);
    }

    @Test
    void stats_queuedSessionDiscarded_leavesTheTotals() {
        TestClient subscriber = broker.connected("s2", SessionMode.PERSISTENT);
        subscriber.subscribe(1, "q", Qos.AT_LEAST_ONCE);
        subscriber.send(Disconnect.INSTANCE);
        broker.connected("p2", SessionMode.CLEAN).send(publish("q", Qos.AT_LEAST_ONCE, 1, "m"));
        assertThat(broker.core.stats().queuedMessages()).isEqualTo(1);

        broker.connected("s2", SessionMode.CLEAN); // [MQTT-3.1.2-6] a clean connect discards the old session

        assertThat(broker.core.stats().queuedMessages()).isZero();
        assertThat(broker.core.stats().subscriptions()).isZero();
    }
}
