package io.ternmq.core;

import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Will;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A BrokerCore on hand-driven executors: every call that a transport would make is followed by {@link #drain()},
 * which runs session tasks until all executors are idle, so tests see the settled outcome without waiting.
 */
final class TestBroker implements AutoCloseable {

    /** For tests that choose each client's session thread by its id: the thread is the id's hash modulo their count. */
    static final SessionPlacement BY_HASH = (clientId, owned, threads) -> Math.floorMod(clientId.hashCode(), threads);

    final List<ManualExecutor> executors = new ArrayList<>();
    final FakeClock clock = new FakeClock();
    final BrokerCore core;

    TestBroker(CoreConfig config, Authenticator authenticator, Authorizer authorizer, CoreStores stores) {
        this(config, authenticator, authorizer, stores, SessionPlacement.FEWEST_OWNED);
    }

    TestBroker(CoreConfig config, Authenticator authenticator, Authorizer authorizer, CoreStores stores,
               SessionPlacement placement) {
        core = new BrokerCore(config, authenticator, authorizer, clock, stores, index -> {
            ManualExecutor executor = new ManualExecutor();
            executors.add(executor);
            return executor;
        }, placement);
        drain();
    }

    /** Placed by {@code placement}, on the defaults. */
    TestBroker(CoreConfig config, SessionPlacement placement) {
        this(config, Authenticator.ALLOW_ALL, Authorizer.ALLOW_ALL, CoreStores.inMemory(), placement);
    }

    TestBroker(CoreConfig config) {
        this(config, Authenticator.ALLOW_ALL, Authorizer.ALLOW_ALL, CoreStores.inMemory());
    }

    TestBroker() {
        this(new CoreConfig(3, 4, 8));
    }

    void drain() {
        int ran;
        do {
            ran = 0;
            for (ManualExecutor executor : executors) {
                ran += executor.runAll();
            }
        } while (ran > 0);
    }

    /** Moves the fake clock, runs the session timers that became due and everything they cause. */
    void advance(Duration duration) {
        clock.advance(duration);
        core.tickDeadlines();
        drain();
    }

    /** The session snapshot, taken on its owner thread. */
    Optional<SessionInfo> sessionInfo(String clientId) {
        var info = core.session(clientId).toCompletableFuture();
        drain();
        return info.getNow(Optional.empty());
    }

    TestClient client(String remoteAddress) {
        return new TestClient(this, new FakeChannel(remoteAddress));
    }

    /** A client connected and with its CONNACK consumed. */
    TestClient connected(String clientId, SessionMode cleanSession) {
        TestClient client = client("10.0.0.1:" + (1000 + executors.size()));
        client.send(connect(clientId, cleanSession, 0, null));
        client.channel().take();
        return client;
    }

    static Connect connect(String clientId, SessionMode cleanSession, int keepAlive, Will will) {
        return new Connect(ProtocolVersion.MQTT_3_1_1, clientId, cleanSession == SessionMode.CLEAN, keepAlive, null,
                null, will);
    }

    /** The CleanSession flag, spelled out. */
    enum SessionMode { CLEAN, PERSISTENT }

    @Override
    public void close() {
        core.close();
    }
}
