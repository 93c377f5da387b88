package io.ternmq.core;

import io.ternmq.store.InflightEntry;
import io.ternmq.store.Storage;
import io.ternmq.store.StorageMode;
import io.ternmq.store.StorageStats;
import io.ternmq.store.memory.InMemoryStorage;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Durable storage as a crash sees it ({@link #storage()}): every submitted write is applied at once and also
 * recorded, one entry per change the durable writer keeps whole (a {@code moveToInflight} is one), so
 * {@link #replay} can build the rows any crash could leave: the first {@code n} writes, for any {@code n} from
 * what was durable at the crash to what was submitted. Fences wait for {@link #completeWrites()}, as they wait for
 * the disk. Single-threaded use (a {@link TestBroker} on manual executors).
 */
final class RecordingStorage {

    /** The methods of the row views that write: every other one only reads. */
    private static final Set<String> WRITES = Set.of("save", "put", "add", "remove", "removeAll");

    private final InMemoryStorage live = new InMemoryStorage();
    private final List<Consumer<Storage>> writes = new ArrayList<>();
    private final List<Runnable> fences = new ArrayList<>();
    private final Map<Method, Object> views = new HashMap<>();
    private final Storage storage = (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(),
            new Class<?>[] {Storage.class}, (proxy, method, args) -> onStorage(proxy, method, args));
    private int durable;

    /** The storage to give the broker. */
    Storage storage() {
        return storage;
    }

    /** How many writes were submitted so far: a crash point. */
    int writeCount() {
        return writes.size();
    }

    /** How many writes were durable when the disk last caught up ({@link #completeWrites()}). */
    int durableCount() {
        return durable;
    }

    /** The rows a crash after the first {@code count} writes leaves behind. */
    InMemoryStorage replay(int count) {
        var survivor = new InMemoryStorage();
        writes.subList(0, count).forEach(write -> write.accept(survivor));
        return survivor;
    }

    /** The disk caught up: every waiting acknowledgement fence runs. */
    void completeWrites() {
        durable = writes.size();
        List<Runnable> due = List.copyOf(fences);
        fences.clear();
        due.forEach(Runnable::run);
    }

    private Object onStorage(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "mode" -> StorageMode.WAL;
            case "afterWrites" -> {
                fences.add((Runnable) args[0]);
                yield null;
            }
            case "moveToInflight" -> {
                var entry = (InflightEntry) args[0];
                write(target -> target.moveToInflight(entry));
                yield null;
            }
            case "isBacklogged" -> false;
            case "whenDrained" -> {
                ((Runnable) args[0]).run();
                yield null;
            }
            case "stats" -> StorageStats.NONE;
            case "close" -> {
                live.close();
                yield null;
            }
            case "toString" -> "RecordingStorage";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> view(method);
        };
    }

    /** {@code sessions()}, {@code queues()} and the other row views: each recorded. */
    private Object view(Method method) {
        if (method.getParameterCount() > 0 || !method.getReturnType().isInterface()) {
            throw new UnsupportedOperationException("RecordingStorage does not know Storage." + method.getName());
        }
        return views.computeIfAbsent(method, viewOf -> Proxy.newProxyInstance(viewOf.getReturnType().getClassLoader(),
                new Class<?>[] {viewOf.getReturnType()}, (proxy, rowMethod, args) -> {
                    if (WRITES.contains(rowMethod.getName())) {
                        write(target -> invoke(rowMethod, invoke(viewOf, target, null), args));
                        return null;
                    }
                    return invoke(rowMethod, invoke(viewOf, live, null), args);
                }));
    }

    private void write(Consumer<Storage> change) {
        writes.add(change);
        change.accept(live);
    }

    private static Object invoke(Method method, Object target, Object[] args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
