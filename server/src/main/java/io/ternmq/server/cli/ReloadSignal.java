package io.ternmq.server.cli;

import io.ternmq.server.security.ReloadResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * SIGHUP reloads the password and ACL files, as operators of other daemons expect. {@code sun.misc.Signal} is
 * reached by reflection: it is unsupported API that some runtimes lack, and where it is missing (or the JVM
 * reserves HUP) the broker runs on without the signal, saying so once.
 */
final class ReloadSignal {

    private static final Logger log = LoggerFactory.getLogger(ReloadSignal.class);

    private ReloadSignal() {
    }

    static void install(Supplier<ReloadResult> reload) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object hangUp = signalClass.getConstructor(String.class).newInstance("HUP");
            InvocationHandler onSignal = (proxy, method, args) -> handle(proxy, method, args, reload);
            Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass},
                    onSignal);
            signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, hangUp, handler);
            log.debug("SIGHUP reloads the password and ACL files");
        } catch (ReflectiveOperationException | LinkageError | RuntimeException unavailable) {
            log.info("SIGHUP reload is not available on this runtime ({}); the files are still polled for changes",
                    unavailable.toString());
        }
    }

    private static @Nullable Object handle(Object proxy, Method method, Object @Nullable [] args,
                                           Supplier<ReloadResult> reload) {
        return switch (method.getName()) {
            case "handle" -> {
                new Thread(() -> {
                    ReloadResult result = reload.get();
                    log.info("SIGHUP: security reload {}: {}", result.outcome(), result.message());
                }, "ternmq-sighup-reload").start();
                yield null;
            }
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> args != null && proxy == args[0];
            default -> "ReloadSignal";
        };
    }
}
