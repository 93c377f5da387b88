package io.ternmq.e2e.durable;

import io.ternmq.server.Broker;
import io.ternmq.store.StorageMode;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The broker the crash test kills: started in a child JVM on the data directory given as argument, in wal mode, on
 * an ephemeral port it prints as {@code TERNMQ_PORT=<port>}; then it serves until killed.
 */
public final class CrashTestBroker {

    static final String PORT_LINE = "TERNMQ_PORT=";

    private CrashTestBroker() {
    }

    public static void main(String[] args) throws InterruptedException {
        Broker broker = Broker.builder().bind("127.0.0.1").port(0).storageMode(StorageMode.WAL)
                .dataDir(Path.of(args[0])).maxQueuedMessages(1_000_000).sessionThreads(2).start();
        System.out.println(PORT_LINE + broker.port());
        System.out.flush();
        new CountDownLatch(1).await(); // until destroyForcibly()
    }
}
