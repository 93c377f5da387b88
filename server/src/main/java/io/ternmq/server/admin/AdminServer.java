package io.ternmq.server.admin;

import com.sun.net.httpserver.HttpServer;
import io.ternmq.server.metrics.BrokerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The admin HTTP listener, on the JDK's built-in HTTP server: an operator port sees a handful of requests a
 * minute, so a second Netty pipeline would buy nothing. Two worker threads and a bounded queue keep a flood of
 * admin requests from costing more than that; requests beyond the queue are refused.
 */
public final class AdminServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);
    private static final int WORKERS = 2;
    private static final int QUEUED_REQUESTS = 64;

    private final HttpServer server;
    private final ThreadPoolExecutor workers;

    private AdminServer(HttpServer server, ThreadPoolExecutor workers) {
        this.server = server;
        this.workers = workers;
    }

    /** Binds and serves; throws {@link IOException} when the address cannot be bound. */
    public static AdminServer start(AdminSettings settings, AdminContext context, BrokerMetrics metrics)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 16);
        AtomicInteger threadNumber = new AtomicInteger();
        var workers = new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUED_REQUESTS), runnable -> {
                    Thread thread = new Thread(runnable, "ternmq-admin-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        server.setExecutor(workers);
        server.createContext("/", new AdminHandler(context, metrics, settings.credentials()));
        server.start();
        var admin = new AdminServer(server, workers);
        if (!settings.credentials().configured()) {
            log.warn("admin listener has no token or user configured: /api/v1 answers 403 to every request");
        }
        log.info("admin HTTP listener on http://{}:{}", settings.bind(), admin.port());
        return admin;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
