package io.ternmq.e2e.bench;

import io.ternmq.core.BrokerCore;
import io.ternmq.core.Clock;
import io.ternmq.core.CoreConfig;
import io.ternmq.core.CoreStores;
import io.ternmq.core.SessionExecutorFactory;
import io.ternmq.core.SessionInfo;
import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import io.ternmq.protocol.Qos;
import io.ternmq.store.QueuedMessage;
import io.ternmq.store.StorageMode;
import io.ternmq.store.StoredMessage;
import io.ternmq.store.StoredSession;
import io.ternmq.store.rocksdb.RocksStorage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How long startup recovery of a million queued messages takes: writes 100 persistent sessions with 10,000 queued
 * QoS 1 messages each (128-byte payloads, one message row each) through the store API, closes, then times opening
 * the database and the core until every session is back with its queue. Run with enough heap for the live state:
 * {@code java -Xmx2g -cp <e2e test classpath> io.ternmq.e2e.bench.RecoveryBench [sessions] [perSession]}
 */
public final class RecoveryBench {

    private RecoveryBench() {
    }

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int perSession = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Path dataDir = Files.createTempDirectory("ternmq-recovery-");
        byte[] payload = new byte[128];
        long writeStarted = System.nanoTime();
        try (var storage = RocksStorage.open(dataDir, StorageMode.WAL)) {
            long id = 1;
            for (int s = 0; s < sessions; s++) {
                String clientId = "client-" + s;
                storage.sessions().save(new StoredSession(clientId, Map.of("fleet/" + s + "/#", Qos.AT_LEAST_ONCE)));
                for (int m = 1; m <= perSession; m++) {
                    storage.messages().put(new StoredMessage(id, "fleet/" + s + "/data", Qos.AT_LEAST_ONCE, payload));
                    storage.queues().add(new QueuedMessage(clientId, m, id, Qos.AT_LEAST_ONCE, false));
                    id++;
                }
            }
        }
        double writeSeconds = (System.nanoTime() - writeStarted) / 1e9;

        long started = System.nanoTime();
        var storage = RocksStorage.open(dataDir, StorageMode.WAL);
        var core = new BrokerCore(new CoreConfig(2, 32, perSession), Authenticator.ALLOW_ALL, Authorizer.ALLOW_ALL,
                Clock.SYSTEM, new CoreStores(storage), SessionExecutorFactory.SINGLE_THREADS);
        long queued = 0;
        for (int s = 0; s < sessions; s++) {
            Optional<SessionInfo> info = core.session("client-" + s).toCompletableFuture().join();
            queued += info.orElseThrow().queuedMessages();
        }
        double recoverSeconds = (System.nanoTime() - started) / 1e9;
        long heapAfterRecovery = heapUsedAfterGc(); // the recovered state is still reachable here
        core.close();
        storage.close();
        PersistentThroughputBench.deleteRecursively(dataDir);
        System.out.printf(Locale.ROOT, "wrote %,d queued messages in %.1f s; recovered %,d in %.1f s (%,.0f msg/s), "
                + "heap used after recovery (after a GC) %,d MB%n", (long) sessions * perSession, writeSeconds, queued,
                recoverSeconds, queued / recoverSeconds, heapAfterRecovery >> 20);
    }

    private static long heapUsedAfterGc() {
        System.gc();
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }
}
