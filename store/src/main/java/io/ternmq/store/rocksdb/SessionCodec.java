package io.ternmq.store.rocksdb;

import io.ternmq.protocol.Qos;
import io.ternmq.protocol.RetainHandling;
import io.ternmq.store.StoredSession;
import io.ternmq.store.SubscriptionOptions;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Column family {@code sessions}, one row per persistent session.
 * <pre>
 *   key   = UTF-8(client id)
 *   value = hasExpiry:u8 (0|1) [expiresAt epoch millis:i64 if 1]
 *           count:u32 { filter:u16-length UTF-8  qos:u8 } * count
 *           { tag:u8 value } (format 2, {@link Tag}): SESSION_EXPIRY_INTERVAL, SUBSCRIPTION_OPTIONS* (filters among
 *           the subscribed ones, in filter order)
 * </pre>
 */
final class SessionCodec {

    private static final int NO_LOCAL = 0x04;
    private static final int RETAIN_AS_PUBLISHED = 0x08;
    private static final int RETAIN_HANDLING_SHIFT = 4;

    private SessionCodec() {
    }

    static byte[] key(String clientId) {
        return clientId.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] value(StoredSession session) {
        var out = new ValueWriter(32 + session.subscriptions().size() * 24 + session.options().size() * 32);
        Instant expiresAt = session.expiresAt();
        if (expiresAt == null) {
            out.u8(0);
        } else {
            out.u8(1).i64(expiresAt.toEpochMilli());
        }
        out.u32(session.subscriptions().size());
        session.subscriptions().forEach((filter, qos) -> out.string(filter).u8(qos.value()));
        if (session.expiryInterval() != StoredSession.NEVER) {
            out.u8(Tag.SESSION_EXPIRY_INTERVAL).u32((int) session.expiryInterval());
        }
        new TreeMap<>(session.options()).forEach((filter, options) -> out.u8(Tag.SUBSCRIPTION_OPTIONS)
                .string(filter).u8(optionsByte(options)).u32(options.subscriptionIdentifier()));
        return out.toBytes();
    }

    static StoredSession decode(byte[] key, byte[] value) {
        var in = new ValueReader(value);
        Instant expiresAt = switch (in.u8()) {
            case 0 -> null;
            case 1 -> Instant.ofEpochMilli(in.i64());
            default -> throw new CorruptValueException("expiry flag");
        };
        int count = in.u32();
        if (count < 0) {
            throw new CorruptValueException("subscription count " + count);
        }
        Map<String, Qos> subscriptions = new HashMap<>();
        for (int i = 0; i < count; i++) {
            subscriptions.put(in.string(), QosByte.decode(in.u8()));
        }
        long expiryInterval = StoredSession.NEVER;
        Map<String, SubscriptionOptions> options = new HashMap<>();
        var seen = new BitSet(256);
        while (in.hasRemaining()) {
            int tag = in.u8();
            switch (tag) {
                case Tag.SESSION_EXPIRY_INTERVAL -> {
                    if (seen.get(tag)) {
                        throw new CorruptValueException("session expiry interval twice");
                    }
                    seen.set(tag);
                    expiryInterval = Integer.toUnsignedLong(in.u32());
                }
                case Tag.SUBSCRIPTION_OPTIONS -> {
                    String filter = in.string();
                    SubscriptionOptions parsed = options(in.u8(), in.u32());
                    if (!subscriptions.containsKey(filter) || options.put(filter, parsed) != null) {
                        throw new CorruptValueException("options of filter " + filter);
                    }
                }
                default -> throw PropertyFields.unknown(tag);
            }
        }
        return new StoredSession(new String(key, StandardCharsets.UTF_8), subscriptions, expiresAt, expiryInterval,
                options);
    }

    private static int optionsByte(SubscriptionOptions options) {
        return (options.noLocal() ? NO_LOCAL : 0) | (options.retainAsPublished() ? RETAIN_AS_PUBLISHED : 0)
                | options.retainHandling().value() << RETAIN_HANDLING_SHIFT;
    }

    private static SubscriptionOptions options(int flags, int identifier) {
        int handling = flags >>> RETAIN_HANDLING_SHIFT;
        if ((flags & ~(NO_LOCAL | RETAIN_AS_PUBLISHED | 0x30)) != 0 || handling > 2
                || identifier < 0 || identifier > SubscriptionOptions.MAX_SUBSCRIPTION_IDENTIFIER) {
            throw new CorruptValueException("subscription options " + flags + "/" + identifier);
        }
        return new SubscriptionOptions((flags & NO_LOCAL) != 0, (flags & RETAIN_AS_PUBLISHED) != 0,
                RetainHandling.fromValue(handling), identifier);
    }
}
