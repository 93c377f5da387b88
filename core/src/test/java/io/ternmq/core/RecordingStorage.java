package io.ternmq.core;

import io.ternmq.store.InboundPacketIdStore;
import io.ternmq.store.InflightEntry;
import io.ternmq.store.InflightStore;
import io.ternmq.store.MessageStore;
import io.ternmq.store.QueueStore;
import io.ternmq.store.RetainedMessageStore;
import io.ternmq.store.SessionStore;
import io.ternmq.store.Storage;
import io.ternmq.store.StorageMode;
import io.ternmq.store.WillStore;
import io.ternmq.store.memory.InMemoryStorage;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Durable storage as a crash sees it: every submitted write is applied at once and also recorded, one entry per
 * change the durable writer keeps whole (a {@link #moveToInflight} is one), so {@link #replay} can build the rows
 * that any crash could leave: the first {@code n} writes, for any {@code n} from what was durable at the crash to
 * what was submitted. Fences wait for {@link #completeWrites()}, as they wait for the disk. Single-threaded use (a {@link TestBroker} on manual executors).
 */
final class RecordingStorage implements Storage {

    /** The methods of the row views that write: every other one only reads. */
    private static final Set<String> WRITES = Set.of("save", "put", "add", "remove", "removeAll");

    private final InMemoryStorage live = new InMemoryStorage();
    private final List<Consumer<Storage>> writes = new ArrayList<>();
    private final List<Runnable> fences = new ArrayList<>();
    private int durable;
    private final SessionStore sessions = recorded(SessionStore.class, Storage::sessions);
    private final MessageStore messages = recorded(MessageStore.class, Storage::messages);
    private final QueueStore queues = recorded(QueueStore.class, Storage::queues);
    private final InflightStore inflight = recorded(InflightStore.class, Storage::inflight);
    private final InboundPacketIdStore inbound = recorded(InboundPacketIdStore.class, Storage::inboundPacketIds);
    private final RetainedMessageStore retained = recorded(RetainedMessageStore.class, Storage::retained);
    private final WillStore wills = recorded(WillStore.class, Storage::wills);

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

    private void write(Consumer<Storage> change) {
        writes.add(change);
        change.accept(live);
    }

    private <T> T recorded(Class<T> view, Function<Storage, T> of) {
        return view.cast(Proxy.newProxyInstance(view.getClassLoader(), new Class<?>[] {view},
                (proxy, method, args) -> {
                    if (WRITES.contains(method.getName())) {
                        write(target -> invoke(method, of.apply(target), args));
                        return null;
                    }
                    return invoke(method, of.apply(live), args);
                }));
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

    @Override
    public void moveToInflight(InflightEntry entry) {
        write(target -> target.moveToInflight(entry));
    }

    @Override
    public void afterWrites(Runnable callback) {
        fences.add(callback);
    }

    @Override
    public StorageMode mode() {
        return StorageMode.WAL;
    }

    @Override
    public SessionStore sessions() {
        return sessions;
    }

    @Override
    public MessageStore messages() {
        return messages;
    }

    @Override
    public QueueStore queues() {
        return queues;
    }

    @Override
    public InflightStore inflight() {
        return inflight;
    }

    @Override
    public InboundPacketIdStore inboundPacketIds() {
        return inbound;
    }

    @Override
    public RetainedMessageStore retained() {
        return retained;
    }

    @Override
    public WillStore wills() {
        return wills;
    }

    @Override
    public void close() {
        live.close();
    }
}
