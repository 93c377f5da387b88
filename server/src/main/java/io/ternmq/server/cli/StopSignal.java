package io.ternmq.server.cli;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * SIGTERM stops the broker cleanly and {@code ternmq start} exits 0, as service managers expect of a daemon that
 * shut down in order (the JVM's own handling would run the shutdown hook too, but exit 143). The handler only
 * starts the stop; the {@code start} command then returns normally. {@code sun.misc.Signal} is reached by
 * reflection, as in {@link ReloadSignal}: where it is missing the JVM default stays (clean stop, exit 143).
 * Closing the returned handle puts the previous handler back, so an in-process run (tests) leaves the JVM as it
 * found it.
 */
final class StopSignal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StopSignal.class);
    private static final StopSignal NONE = new StopSignal(null);

    private final @Nullable Runnable restore;

    private StopSignal(@Nullable Runnable restore) {
        this.restore = restore;
    }

    static StopSignal install(Runnable stop) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object term = signalClass.getConstructor(String.class).newInstance("TERM");
            InvocationHandler onSignal = (proxy, method, args) -> handle(proxy, method, args, stop);
            Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass},
                    onSignal);
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            Object previous = handle.invoke(null, term, handler);
            log.debug("SIGTERM stops the broker and exits 0");
            return new StopSignal(() -> {
                try {
                    handle.invoke(null, term, previous);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    log.debug("could not restore the previous SIGTERM handler: {}", e.toString());
                }
            });
        } catch (ReflectiveOperationException | LinkageError | RuntimeException unavailable) {
            log.info("SIGTERM handling is not available on this runtime ({}); SIGTERM still stops the broker "
                    + "cleanly, with exit code 143", unavailable.toString());
            return NONE;
        }
    }

    private static @Nullable Object handle(Object proxy, Method method, Object @Nullable [] args, Runnable stop) {
        return switch (method.getName()) {
            case "handle" -> {
                // Signal handlers must return quickly: closing the broker waits for threads and the store.
                new Thread(() -> {
                    log.info("SIGTERM received");
                    stop.run();
                }, "ternmq-sigterm").start();
                yield null;
            }
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> args != null && proxy == args[0];
            default -> "StopSignal";
        };
    }

    @Override
    public void close() {
        if (restore != null) {
            restore.run();
        }
    }
}
