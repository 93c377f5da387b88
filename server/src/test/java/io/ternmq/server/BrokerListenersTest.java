package io.ternmq.server;

import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.SessionPresent;
import io.ternmq.transport.ConnectionLimits;
import io.ternmq.transport.ListenerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrokerListenersTest {

    private static final String LOOPBACK = "127.0.0.1";

    @TempDir
    Path dataDir;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeResources() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    private Broker start(Broker.Builder builder) {
        Broker broker = builder.dataDir(dataDir).start();
        resources.add(broker);
        return broker;
    }

    @Test
    void port_severalListeners_eachHasItsOwnPort() {
        Broker broker = start(Broker.builder().bind(LOOPBACK).port(0)
                .listener(ListenerConfig.tcp("second", LOOPBACK, 0))
                .listener(ListenerConfig.ws("web", LOOPBACK, 0)));

        assertThat(broker.port()).isEqualTo(broker.port("tcp"));
        assertThat(List.of(broker.port("tcp"), broker.port("second"), broker.port("web"))).doesNotHaveDuplicates();
        assertThat(broker.listeners()).extracting(ListenerConfig::name).containsExactly("tcp", "second", "web");
    }

    @Test
    void port_withoutDefaultListener_isTheFirstTcpListener() {
        Broker broker = start(Broker.builder().withoutDefaultListener()
                .listener(ListenerConfig.ws("web", LOOPBACK, 0))
                .listener(ListenerConfig.tcp("plain", LOOPBACK, 0)));

        assertThat(broker.port()).isEqualTo(broker.port("plain"));
    }

    @Test
    void port_noTcpListener_failsSayingSo() {
        Broker broker = start(Broker.builder().withoutDefaultListener()
                .listener(ListenerConfig.ws("web", LOOPBACK, 0)));

        assertThatThrownBy(broker::port).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no plain TCP listener");
    }

    @Test
    void port_unknownName_namesTheKnownListeners() {
        Broker broker = start(Broker.builder().bind(LOOPBACK).port(0));

        assertThatThrownBy(() -> broker.port("tls")).hasMessageContaining("tls").hasMessageContaining("tcp");
    }

    @Test
    void start_duplicateListenerName_isRejected() {
        assertThatThrownBy(() -> Broker.builder().port(0).listener(ListenerConfig.tcp("tcp", LOOPBACK, 0)).start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate listener name 'tcp'");
    }

    @Test
    void start_noListenerAtAll_isRejected() {
        assertThatThrownBy(() -> Broker.builder().withoutDefaultListener().start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no listener");
    }

    @Test
    void maxConnections_brokerWide_refusesOverTheLimit() throws IOException {
        Broker broker = start(Broker.builder().bind(LOOPBACK).port(0).maxConnections(1)
                .defaultListenerLimits(new ConnectionLimits(5, 0)));
        var first = RawMqttClient.connect(LOOPBACK, broker.port());
        resources.add(first);
        first.send(Packets.connect("first", CleanSession.YES, 60)).expectPacket(Packets.connack(SessionPresent.NO, 0));

        var second = new Socket(LOOPBACK, broker.port());
        resources.add(second);

        assertThat(second.getInputStream().read()).isEqualTo(-1);
        assertThat(broker.refusedConnections("tcp")).isEqualTo(1);
    }
}
