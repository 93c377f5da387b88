package io.ternmq.e2e.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.testkit.Dup;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.ReceivedPublish;
import io.ternmq.testkit.Retain;
import io.ternmq.testkit.SessionPresent;
import io.ternmq.testkit.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The REST API of the admin listener, with a token and Basic credentials configured and $SYS off. */
class AdminApiTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.with(b -> b.adminListener("127.0.0.1", 0)
            .adminToken(AdminHttp.TOKEN).adminCredentials(AdminHttp.USER, AdminHttp.PASSWORD)
            .sysInterval(Duration.ZERO));

    private AdminHttp http() {
        return new AdminHttp(broker.broker().adminPort());
    }

    private static void assertJsonError(AdminHttp.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.json().path("error").asText()).isNotEmpty();
        assertThat(reply.json().path("detail").asText()).isNotEmpty();
    }

    private static List<String> clientIds(JsonNode listing) {
        List<String> ids = new ArrayList<>();
        listing.path("items").forEach(item -> ids.add(item.path("clientId").asText()));
        return ids;
    }

    // --- credentials ---

    @Test
    void api_withoutAuthorization_is401WithJsonError() {
        AdminHttp.Reply reply = http().get("/api/v1/broker", AdminHttp.Auth.NONE);
        assertJsonError(reply, 401);
    }

    @Test
    void api_wrongToken_is403WithJsonError() {
        assertJsonError(http().get("/api/v1/broker", AdminHttp.Auth.WRONG_TOKEN), 403);
    }

    @Test
    void api_wrongBasicPassword_is403WithJsonError() {
        assertJsonError(http().get("/api/v1/clients", AdminHttp.Auth.WRONG_BASIC), 403);
    }

    @Test
    void api_basicCredentials_areAccepted() {
        assertThat(http().get("/api/v1/broker", AdminHttp.Auth.BASIC).status()).isEqualTo(200);
    }

    @Test
    void health_withoutCredentials_isUp() {
        AdminHttp.Reply reply = http().get("/health", AdminHttp.Auth.NONE);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void healthReady_runningBroker_isReady() {
        AdminHttp.Reply reply = http().get("/health/ready", AdminHttp.Auth.NONE);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("status").asText()).isEqualTo("READY");
    }

    // --- routing ---

    @Test
    void unknownRoute_is404Json() {
        assertJsonError(http().get("/api/v1/nothing-here"), 404);
        assertJsonError(http().get("/nothing", AdminHttp.Auth.NONE), 404);
    }

    @Test
    void wrongMethod_is405Json() {
        assertJsonError(http().send("PUT", "/api/v1/broker", "", AdminHttp.Auth.TOKEN), 405);
    }

    // --- clients ---

    @Test
    void clients_pageAndSize_returnTheRequestedSlice() {
        broker.connected("page-a");
        broker.connected("page-b");
        broker.connected("page-c");
        AdminHttp http = http();
        JsonNode first = http.get("/api/v1/clients?prefix=page-&page=1&size=2").json();
        JsonNode second = http.get("/api/v1/clients?prefix=page-&page=2&size=2").json();
        assertThat(clientIds(first)).containsExactly("page-a", "page-b");
        assertThat(first.path("total").asInt()).isEqualTo(3);
        assertThat(clientIds(second)).containsExactly("page-c");
        JsonNode sliced = http.get("/api/v1/clients?prefix=page-&offset=1&limit=1").json();
        assertThat(clientIds(sliced)).containsExactly("page-b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=0", "size=0", "size=abc", "limit=100000", "offset=-1", "page=1&offset=2"})
    void clients_badPaging_is400Json(String query) {
        assertJsonError(http().get("/api/v1/clients?" + query), 400);
    }

    @Test
    void clients_filterByUserAndAddress_selectsMatchingClients() {
        broker.raw().send(Packets.connectBuilder("user-x").username("alice").build())
                .expectPacket(Packets.connack(SessionPresent.NO, 0));
        broker.connected("user-y");
        AdminHttp http = http();
        assertThat(clientIds(http.get("/api/v1/clients?user=alice").json())).containsExactly("user-x");
        assertThat(clientIds(http.get("/api/v1/clients?prefix=user-&address=127.0.0.1").json()))
                .containsExactly("user-x", "user-y");
        assertThat(clientIds(http.get("/api/v1/clients?prefix=user-&address=10.").json())).isEmpty();
    }

    @Test
    void client_connectedAndSubscribed_showsItsDetails() {
        broker.subscriber("detail-1", "d/+/x", 1);
        JsonNode detail = http().get("/api/v1/clients/detail-1").json();
        assertThat(detail.path("connected").asBoolean()).isTrue();
        assertThat(detail.path("protocol").asText()).isEqualTo("MQTT 3.1.1");
        assertThat(detail.path("keepAliveSeconds").asInt()).isEqualTo(60);
        assertThat(detail.path("address").asText()).startsWith("127.0.0.1");
        assertThat(detail.path("connectedSince").asText()).isNotEmpty();
        assertThat(detail.path("queuedMessages").asInt()).isZero();
        assertThat(detail.path("inflightMessages").asInt()).isZero();
        assertThat(detail.path("subscriptions").get(0).path("topicFilter").asText()).isEqualTo("d/+/x");
        assertThat(detail.path("subscriptions").get(0).path("qos").asInt()).isEqualTo(1);
    }

    @Test
    void client_unknown_is404Json() {
        assertJsonError(http().get("/api/v1/clients/nobody-here"), 404);
    }

    @Test
    void kick_connectedClient_closesItsConnection() {
        RawMqttClient client = broker.connected("kick-me");
        AdminHttp.Reply reply = http().delete("/api/v1/clients/kick-me");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("result").asText()).isEqualTo("disconnected");
        client.expectClosed();
    }

    @Test
    void kick_persistentClient_keepsItsSessionOffline() {
        RawMqttClient client = broker.connectedPersistent("kick-keep", SessionPresent.NO);
        BrokerExtension.subscribe(client, "keep/#", 1);
        http().delete("/api/v1/clients/kick-keep");
        client.expectClosed();
        await().atMost(BrokerExtension.WAIT).until(() ->
                !http().get("/api/v1/clients/kick-keep").json().path("connected").asBoolean());
        JsonNode detail = http().get("/api/v1/clients/kick-keep").json();
        assertThat(detail.path("persistent").asBoolean()).isTrue();
        assertThat(detail.path("subscriptions").size()).isEqualTo(1);
        assertJsonError(http().delete("/api/v1/clients/kick-keep"), 409);
    }

    @Test
    void kick_unknownClient_is404Json() {
        assertJsonError(http().delete("/api/v1/clients/never-was"), 404);
    }

    // --- subscriptions ---

    @Test
    void subscriptions_listAndPage_showEveryFilter() {
        RawMqttClient client = broker.connected("subs-1");
        client.send(Packets.subscribe(1, new Subscription("s/1", 0),
                new Subscription("s/2", 2))).expectPacket(Packets.suback(1, 0, 2));
        JsonNode all = http().get("/api/v1/subscriptions?prefix=subs-").json();
        assertThat(all.path("total").asInt()).isEqualTo(2);
        assertThat(all.path("items").get(1).path("topicFilter").asText()).isEqualTo("s/2");
        assertThat(all.path("items").get(1).path("qos").asInt()).isEqualTo(2);
        JsonNode page = http().get("/api/v1/subscriptions?prefix=subs-&limit=1&offset=1").json();
        assertThat(page.path("items").size()).isEqualTo(1);
        assertThat(page.path("items").get(0).path("clientId").asText()).isEqualTo("subs-1");
    }

    // --- retained ---

    @Test
    void retained_listByFilterAndDelete_removesTheMessage() {
        RawMqttClient publisher = broker.connected("ret-pub");
        publisher.send(Packets.publish("ret/a", 0, Retain.YES, Dup.NO, 0, "A"));
        publisher.send(Packets.publish("ret/b", 0, Retain.YES, Dup.NO, 0, "B"));
        publisher.send(Packets.publish("other/c", 0, Retain.YES, Dup.NO, 0, "C"));
        AdminHttp http = http();
        await().atMost(BrokerExtension.WAIT).until(() ->
                http.get("/api/v1/retained?filter=ret/%2B").json().path("total").asInt() == 2);
        JsonNode listing = http.get("/api/v1/retained?filter=ret/%2B&limit=1").json();
        assertThat(listing.path("items").get(0).path("topic").asText()).isEqualTo("ret/a");
        assertThat(listing.path("items").get(0).path("payload").asText()).isEqualTo("A");
        assertThat(http.delete("/api/v1/retained/ret/a").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/retained?filter=ret/%23").json().path("total").asInt()).isEqualTo(1);
        assertJsonError(http.delete("/api/v1/retained/ret/a"), 404);
    }

    @Test
    void retained_invalidFilter_is400Json() {
        assertJsonError(http().get("/api/v1/retained?filter=a/%23/b"), 400);
    }

    // --- publish ---

    @Test
    void publish_textPayload_reachesSubscriber() {
        RawMqttClient subscriber = broker.subscriber("api-sub", "api/topic", 1);
        AdminHttp.Reply reply = http().post("/api/v1/publish",
                "{\"topic\":\"api/topic\",\"payload\":\"hello\",\"qos\":1}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        ReceivedPublish message = subscriber.readPublish();
        assertThat(message.topic()).isEqualTo("api/topic");
        assertThat(message.payloadText()).isEqualTo("hello");
        assertThat(message.qos()).isEqualTo(1);
    }

    @Test
    void publish_base64Retained_isKeptAsRetained() {
        AdminHttp http = http();
        http.post("/api/v1/publish", "{\"topic\":\"api/b64\",\"payload\":\"AAEC\",\"encoding\":\"base64\","
                + "\"retain\":true}");
        JsonNode listing = http.get("/api/v1/retained?filter=api/b64").json();
        assertThat(listing.path("items").get(0).path("payloadBase64").asText()).isEqualTo("AAEC");
        assertThat(listing.path("items").get(0).path("size").asInt()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[]", "{\"payload\":\"x\"}", "{\"topic\":\"a/#\"}",
            "{\"topic\":\"a\",\"qos\":3}",
            "{\"topic\":\"a\",\"encoding\":\"hex\"}", "{\"topic\":\"a\",\"encoding\":\"base64\",\"payload\":\"**\"}",
            "{\"topic\":\"a\",\"retain\":\"yes\"}"})
    void publish_badInput_is400Json(String body) {
        assertJsonError(http().post("/api/v1/publish", body), 400);
    }

    // --- broker, config, reload ---

    @Test
    void broker_info_reportsVersionListenersAndCounts() {
        broker.connected("info-1");
        JsonNode info = http().get("/api/v1/broker").json();
        assertThat(info.path("version").asText()).isNotEmpty();
        assertThat(info.path("uptimeSeconds").asLong()).isNotNegative();
        assertThat(info.path("listeners").get(0).path("port").asInt()).isEqualTo(broker.port());
        assertThat(info.path("counts").path("connectedClients").asLong()).isPositive();
    }

    @Test
    void config_secrets_areMasked() {
        JsonNode config = http().get("/api/v1/config").json();
        assertThat(config.path("admin.token").asText()).isEqualTo("****");
        assertThat(config.path("admin.password").asText()).isEqualTo("****");
        assertThat(config.path("admin.username").asText()).isEqualTo(AdminHttp.USER);
        assertThat(config.path("listeners.tcp.port").asText()).isEqualTo("0");
        assertThat(config.toString()).doesNotContain(AdminHttp.TOKEN).doesNotContain(AdminHttp.PASSWORD);
    }

    @Test
    void securityReload_notConfigured_is501Json() {
        assertJsonError(http().post("/api/v1/security/reload", ""), 501);
    }
}
