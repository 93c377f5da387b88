package io.ternmq.e2e.spec.v5;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient.Mqtt5Publishes;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.ternmq.e2e.BrokerExtension;
import io.ternmq.e2e.Mqtt5Clients;
import io.ternmq.e2e.Flows;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Topic aliases (3.3.2.3.4) both ways: the broker's Topic Alias Maximum (10 by default) for what clients send, and
 * aliases for recurring topics towards clients whose CONNECT accepts them (the LRU policy, the default).
 */
class TopicAliasTest {

    @RegisterExtension
    static final BrokerExtension broker = BrokerExtension.withDefaults();

    // --- inbound ---

    @Test
    void connack_announcesTheTopicAliasMaximum() {
        // [MQTT-3.2.2-17] the client learns the highest alias it may use: property 0x22, 10
        assertThat(RawV5.connected(broker, "ta-connack", "").connack()).contains("22 00 0a");
    }

    @Test
    void inbound_topicThenAliasAlone_isRoutedWithTheTopic() {
        // [MQTT-3.3.2-12] every alias from 1 to the maximum is accepted
        RawMqttClient subscriber = broker.subscriber("ta-in-sub", "ta/in/#", 0);
        RawMqttClient publisher = RawV5.connected(broker, "ta-in-pub", "").client();

        publisher.send(RawV5.publish("ta/in/one", 0, 0, "23 00 01", "a"));
        publisher.send(RawV5.publish("", 0, 0, "23 00 01", "b"));
        publisher.send(RawV5.publish("ta/in/ten", 0, 0, "23 00 0a", "c"));
        publisher.send(RawV5.publish("", 0, 0, "23 00 0a", "d"));

        // the 3.1.1 subscriber sees the topics, and no trace of the alias property
        subscriber.expectPacket(Packets.publish("ta/in/one", "a"));
        subscriber.expectPacket(Packets.publish("ta/in/one", "b"));
        subscriber.expectPacket(Packets.publish("ta/in/ten", "c"));
        subscriber.expectPacket(Packets.publish("ta/in/ten", "d"));
    }

    @Test
    void inbound_aliasMappedAgain_standsForTheNewTopic() {
        RawMqttClient subscriber = broker.subscriber("ta-remap-sub", "ta/remap/#", 0);
        RawMqttClient publisher = RawV5.connected(broker, "ta-remap-pub", "").client();

        publisher.send(RawV5.publish("ta/remap/first", 0, 0, "23 00 02", "a"));
        publisher.send(RawV5.publish("ta/remap/second", 0, 0, "23 00 02", "b"));
        publisher.send(RawV5.publish("", 0, 0, "23 00 02", "c"));

        subscriber.expectPacket(Packets.publish("ta/remap/first", "a"));
        subscriber.expectPacket(Packets.publish("ta/remap/second", "b"));
        subscriber.expectPacket(Packets.publish("ta/remap/second", "c"));
    }

    @Test
    void inbound_qos1AliasAlone_isAcknowledgedAndRouted() {
        RawMqttClient subscriber = broker.subscriber("ta-q1-sub", "ta/q1", 1);
        RawMqttClient publisher = RawV5.connected(broker, "ta-q1-pub", "").client();

        publisher.send(RawV5.publish("ta/q1", 1, 1, "23 00 03", "a")).expectPacket("40 02 00 01");
        publisher.send(RawV5.publish("", 1, 2, "23 00 03", "b")).expectPacket("40 02 00 02");

        Flows.acknowledge(subscriber, Flows.expectPublish(subscriber, "ta/q1", "a", 1));
        Flows.acknowledge(subscriber, Flows.expectPublish(subscriber, "ta/q1", "b", 1));
    }

    @Test
    void inbound_aliasAboveTheMaximum_disconnect94() {
        // [MQTT-3.2.2-17] [MQTT-3.3.2-9] alias 11, maximum 10: DISCONNECT Topic Alias invalid, then the close
        RawMqttClient publisher = RawV5.connected(broker, "ta-big", "").client();

        publisher.send(RawV5.publish("ta/big", 0, 0, "23 00 0b", "a")).expectPacket("e0 01 94");
        publisher.expectClosed();
    }

    @Test
    void inbound_alias0_disconnect94() {
        // [MQTT-3.3.2-8] 0 is never an alias
        RawMqttClient publisher = RawV5.connected(broker, "ta-zero", "").client();

        publisher.send(RawV5.publish("ta/zero", 0, 0, "23 00 00", "a")).expectPacket("e0 01 94");
        publisher.expectClosed();
    }

    @Test
    void inbound_emptyTopicWithAnAliasNeverMapped_disconnect82() {
        // 3.3.2.3.4: an empty topic needs an alias the receiver knows, else a Protocol Error
        RawMqttClient publisher = RawV5.connected(broker, "ta-unmapped", "").client();

        publisher.send(RawV5.publish("", 0, 0, "23 00 04", "a")).expectPacket("e0 01 82");
        publisher.expectClosed();
    }

    @Test
    void inbound_aliasOfAnEarlierConnection_isUnknownOnTheNext() {
        // [MQTT-3.3.2-7] mappings end with their network connection
        RawMqttClient first = RawV5.connected(broker, "ta-again", "").client();
        first.send(RawV5.publish("ta/again", 1, 1, "23 00 01", "a")).expectPacket("40 03 00 01 10");
        first.close();
        broker.awaitConnectedClients(0);

        RawMqttClient second = RawV5.connected(broker, "ta-again", "").client();
        second.send(RawV5.publish("", 0, 0, "23 00 01", "b")).expectPacket("e0 01 82");
        second.expectClosed();
    }

    // --- outbound ---

    @Test
    void outbound_recurringTopic_fullTopicThenTopicWithAliasThenAliasAlone() {
        // [MQTT-3.3.2-11] [MQTT-3.1.2-26] the client allows 2 aliases; the broker uses alias 1
        RawMqttClient subscriber = RawV5.connected(broker, "ta-out-sub", "22 00 02").client();
        RawV5.subscribed(subscriber, "ta/out/#", 0);
        RawMqttClient publisher = broker.connected("ta-out-pub");

        for (int i = 0; i < 3; i++) {
            publisher.send(Packets.publish("ta/out/topic", "p"));
        }

        // first sighting: as it is; second: topic and alias 1 (property 0x23); then the empty topic and alias 1
        subscriber.expectPacket(RawV5.publish("ta/out/topic", 0, 0, "", "p"));
        subscriber.expectPacket(RawV5.publish("ta/out/topic", 0, 0, "23 00 01", "p"));
        subscriber.expectPacket("30 07  00 00  03 23 00 01  70"); // empty topic, properties: alias 1; payload "p"
    }

    @Test
    void outbound_clientWithoutTopicAliasMaximum_getsTopicsOnly() {
        // [MQTT-3.1.2-27]
        RawMqttClient subscriber = RawV5.connected(broker, "ta-none-sub", "").client();
        RawV5.subscribed(subscriber, "ta/none", 0);
        RawMqttClient publisher = broker.connected("ta-none-pub");

        for (int i = 0; i < 3; i++) {
            publisher.send(Packets.publish("ta/none", "p"));
        }

        for (int i = 0; i < 3; i++) {
            subscriber.expectPacket(RawV5.publish("ta/none", 0, 0, "", "p"));
        }
    }

    @Test
    void outbound_moreTopicsThanAliases_neverAboveTheClientMaximum() {
        // [MQTT-3.1.2-26] [MQTT-3.3.2-11] one alias allowed, two recurring topics: the alias is remapped
        RawMqttClient subscriber = RawV5.connected(broker, "ta-lru-sub", "22 00 01").client();
        RawV5.subscribed(subscriber, "ta/lru/#", 0);
        RawMqttClient publisher = broker.connected("ta-lru-pub");
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            publisher.send(Packets.publish(i % 4 < 2 ? "ta/lru/aaaa" : "ta/lru/bbbb", "p"));
        }

        var aliases = new HashMap<Integer, String>();
        for (int i = 0; i < 12; i++) {
            byte[] packet = subscriber.readPacket();
            V5Publish publish = V5Publish.parse(packet);
            Integer alias = publish.topicAlias();
            if (alias != null) {
                assertThat(alias).isEqualTo(1);
                if (!publish.topic().isEmpty()) {
                    aliases.put(alias, publish.topic());
                }
                assertThat(aliases).containsKey(alias);
            }
            topics.add(publish.topic().isEmpty() ? aliases.get(alias) : publish.topic());
        }
        assertThat(topics).containsExactly("ta/lru/aaaa", "ta/lru/aaaa", "ta/lru/bbbb", "ta/lru/bbbb",
                "ta/lru/aaaa", "ta/lru/aaaa", "ta/lru/bbbb", "ta/lru/bbbb", "ta/lru/aaaa", "ta/lru/aaaa",
                "ta/lru/bbbb", "ta/lru/bbbb");
    }

    @Test
    void outbound_resendAfterReconnect_carriesTheTopicAgain() {
        // [MQTT-3.3.2-7] the resent PUBLISH (DUP=1, same id [MQTT-4.4.0-1]) belongs to the new connection, where
        // no alias is known yet: the full topic
        String sessionExpiry = "11 00 00 00 3c"; // 60 s: the session outlives the connection
        RawMqttClient subscriber = RawV5.connected(broker, "ta-re-sub", sessionExpiry + " 22 00 02").client();
        RawV5.subscribed(subscriber, "ta/re/topic", 1);
        RawMqttClient publisher = broker.connected("ta-re-pub");
        for (int i = 1; i <= 3; i++) {
            Flows.publishQos1(publisher, "ta/re/topic", "m" + i, i);
        }
        subscriber.expectPacket(RawV5.publish("ta/re/topic", 1, 1, "", "m1"));
        subscriber.expectPacket(RawV5.publish("ta/re/topic", 1, 2, "23 00 01", "m2"));
        subscriber.expectPacket(RawV5.publish("", 1, 3, "23 00 01", "m3"));
        subscriber.send(Packets.puback(1)).send(Packets.puback(2));
        Flows.expectNoMorePublishes(subscriber);
        subscriber.close();
        broker.awaitConnectedClients(1);

        RawMqttClient again = RawV5.connected(broker,
                RawV5.connectResuming("ta-re-sub", sessionExpiry + " 22 00 02")).client();

        again.expectPacket(RawV5.publishDup("ta/re/topic", 1, 3, "", "m3"));
    }

    // --- real clients ---

    @Test
    void hivemq_publisherUsingAliases_subscribersGetTheTopic() throws InterruptedException {
        Mqtt5BlockingClient subscriber = Mqtt5Clients.hivemq(broker, "ta-h-sub");
        subscriber.connectWith().restrictions().topicAliasMaximum(5).applyRestrictions().send();
        Mqtt5Publishes received = Mqtt5Clients.publishes(broker, subscriber);
        subscriber.subscribeWith().topicFilter("ta/hive/#").qos(MqttQos.AT_LEAST_ONCE).send();
        Mqtt5BlockingClient publisher = Mqtt5Clients.hivemqConnected(broker, "ta-h-pub");
        // [MQTT-3.2.2-17] the client took our maximum; HiveMQ maps recurring topics to aliases by itself
        assertThat(publisher.getConfig().getConnectionConfig().orElseThrow().getRestrictionsForClient()
                .getSendTopicAliasMaximum()).isEqualTo(10);

        for (int i = 0; i < 20; i++) {
            publisher.publishWith().topic(i % 2 == 0 ? "ta/hive/even" : "ta/hive/odd")
                    .qos(MqttQos.AT_LEAST_ONCE).payload(bytes("m" + i)).send();
        }

        for (int i = 0; i < 20; i++) {
            Mqtt5Publish message = Mqtt5Clients.receive(received);
            assertThat(message.getTopic().toString()).isEqualTo(i % 2 == 0 ? "ta/hive/even" : "ta/hive/odd");
            assertThat(new String(message.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("m" + i);
        }
    }

    @Test
    void paho_subscriberWithoutTopicAliasMaximum_getsEveryTopicInFull() throws MqttException, InterruptedException {
        // [MQTT-3.1.2-27] Paho v5 sends no Topic Alias Maximum unless told to. (Told to, Paho 1.2.5 cannot resolve
        // an alias sent with an empty topic: eclipse-paho/paho.mqtt.java#866; HiveMQ above covers that case.)
        var received = new LinkedBlockingQueue<String>();
        MqttClient subscriber = Mqtt5Clients.pahoConnected(broker, "ta-p-sub");
        subscriber.subscribe(new MqttSubscription[] {new MqttSubscription("ta/paho/#", 0)},
                new IMqttMessageListener[] {(topic, message) -> received.add(topic + " "
                        + new String(message.getPayload(), StandardCharsets.UTF_8))});
        RawMqttClient publisher = broker.connected("ta-p-pub");

        for (int i = 0; i < 10; i++) {
            Flows.publishQos1(publisher, "ta/paho/" + (i % 2 == 0 ? "even" : "odd"), "m" + i, i + 1);
        }

        for (int i = 0; i < 10; i++) {
            assertThat(received.poll(BrokerExtension.WAIT.toMillis(), TimeUnit.MILLISECONDS))
                    .isEqualTo("ta/paho/" + (i % 2 == 0 ? "even" : "odd") + " m" + i);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
