package io.ternmq.e2e;

import io.ternmq.core.BrokerStats;
import io.ternmq.server.Broker;
import io.ternmq.testkit.CleanSession;
import io.ternmq.testkit.Packets;
import io.ternmq.testkit.RawMqttClient;
import io.ternmq.testkit.SessionPresent;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.UnaryOperator;

import static org.awaitility.Awaitility.await;

/**
 * Runs a broker on 127.0.0.1 and an ephemeral port. Registered on a static field it serves the whole class;
 * on an instance field, one test. Clients opened through it are closed after each test, abruptly (no DISCONNECT).
 */
public final class BrokerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {

    public static final Duration WAIT = Duration.ofSeconds(5);

    private final UnaryOperator<Broker.Builder> settings;
    private final Deque<AutoCloseable> openedInTest = new ArrayDeque<>();
    private @Nullable Broker broker;
    private @Nullable Path dataDir;
    private boolean startedForOneTest;

    private BrokerExtension(UnaryOperator<Broker.Builder> settings) {
        this.settings = settings;
    }

    public static BrokerExtension withDefaults() {
        return new BrokerExtension(UnaryOperator.identity());
    }

    /** A broker with some settings changed, e.g. {@code b -> b.maxQueuedMessages(3)}. */
    public static BrokerExtension with(UnaryOperator<Broker.Builder> settings) {
        return new BrokerExtension(settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (broker == null) {
            start();
            startedForOneTest = true;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        while (!openedInTest.isEmpty()) {
            openedInTest.pop().close();
        }
        if (startedForOneTest) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    public Broker broker() {
        if (broker == null) {
            throw new IllegalStateException("the broker is not running");
        }
        return broker;
    }

    public int port() {
        return broker().port();
    }

    public BrokerStats stats() {
        return broker().stats();
    }

    /** Something to close after the test (a client of any library). */
    public <T extends AutoCloseable> T closeAfterTest(T resource) {
        openedInTest.push(resource);
        return resource;
    }

    /** A TCP connection to the broker that has sent nothing yet. */
    public RawMqttClient raw() {
        return closeAfterTest(RawMqttClient.connect("127.0.0.1", port()));
    }

    /** A raw client connected with CleanSession = 1 and its CONNACK checked. */
    public RawMqttClient connected(String clientId) {
        return raw().send(Packets.connect(clientId, CleanSession.YES, 60))
                .expectPacket(Packets.connack(SessionPresent.NO, 0));
    }

    /** A raw client connected with CleanSession = 0, checking the Session Present flag the broker returns. */
    public RawMqttClient connectedPersistent(String clientId, SessionPresent expected) {
        return raw().send(Packets.connect(clientId, CleanSession.NO, 60))
                .expectPacket(Packets.connack(expected, 0));
    }

    /** A clean-session raw client subscribed to one filter (packet id 1) with the granted QoS checked. */
    public RawMqttClient subscriber(String clientId, String filter, int qos) {
        return subscribe(connected(clientId), filter, qos);
    }

    public static RawMqttClient subscribe(RawMqttClient client, String filter, int qos) {
        return client.send(Packets.subscribe(1, filter, qos)).expectPacket(Packets.suback(1, qos));
    }

    /** Waits until the broker counts exactly this many connected clients (for when a close must have been seen). */
    public void awaitConnectedClients(long count) {
        await().atMost(WAIT).until(() -> stats().connectedClients() == count);
    }

    private void start() {
        try {
            dataDir = Files.createTempDirectory("ternmq-e2e");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker = settings.apply(Broker.builder().bind("127.0.0.1").port(0).connectTimeout(Duration.ofSeconds(5))
                .dataDir(dataDir)).start();
    }

    private void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
        if (dataDir != null) {
            TempDirectories.deleteRecursively(dataDir);
            dataDir = null;
        }
        startedForOneTest = false;
    }
}
