package io.ternmq.server.security;

import io.ternmq.core.auth.Authenticator;
import io.ternmq.core.auth.Authorizer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The users and access rules in force, read from the configured files, and how they change: every reload reads
 * both files, and only when both are valid replaces the snapshot in one atomic step, then removes live
 * subscriptions the new rules refuse. An invalid file leaves the previous snapshot in force. Reloads are
 * serialised; checks never wait for them.
 */
public final class SecurityPolicy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityPolicy.class);
    private static final long REVOKE_TIMEOUT_SECONDS = 30;

    private final SecuritySettings settings;
    private final AtomicReference<SecuritySnapshot> current;
    private final ExecutorService hashing = HashingExecutor.create();
    private final LongAdder failedLogins = new LongAdder();
    private final LongAdder reloads = new LongAdder();
    private final LongAdder rejectedReloads = new LongAdder();
    private final LongAdder revokedSubscriptions = new LongAdder();
    private final Authenticator authenticator;
    private final Authorizer authorizer;
    private @Nullable ScheduledExecutorService watcher;
    private @Nullable FileStamps lastSeen;

    private SecurityPolicy(SecuritySettings settings, SecuritySnapshot initial) {
        this.settings = settings;
        this.current = new AtomicReference<>(initial);
        this.authenticator = new FileAuthenticator(settings, current::get, hashing, failedLogins);
        this.authorizer = settings.aclFile() == null ? Authorizer.ALLOW_ALL : new AclAuthorizer(current::get);
    }

    /** Reads the files once; throws {@link SecurityFileException} naming the file and line when one is invalid. */
    public static SecurityPolicy load(SecuritySettings settings) {
        Pbkdf2.requireAvailable();
        SecurityPolicy policy = new SecurityPolicy(settings, read(settings));
        SecuritySnapshot loaded = policy.current.get();
        if (settings.hasFiles()) {
            LOG.info("security: {}", describe(loaded));
        }
        return policy;
    }

    private static SecuritySnapshot read(SecuritySettings settings) {
        FileStamps stamps = FileStamps.of(settings);
        Path passwords = settings.passwordFile();
        Path rules = settings.aclFile();
        Users users = passwords == null ? null : Users.of(PasswordFile.read(passwords));
        Acl acl = rules == null ? null : AclFile.read(rules);
        return new SecuritySnapshot(users, acl, stamps);
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    public Authorizer authorizer() {
        return authorizer;
    }

    public SecuritySettings settings() {
        return settings;
    }

    public SecurityStats stats() {
        return new SecurityStats(failedLogins.sum(), reloads.sum(), rejectedReloads.sum(),
                revokedSubscriptions.sum());
    }

    /** Reads both files again and applies them if valid; waits for the revocation of disallowed subscriptions. */
    public synchronized ReloadResult reload(SubscriptionRevoker revoker) {
        if (!settings.hasFiles()) {
            return new ReloadResult(ReloadResult.Outcome.NOTHING_TO_RELOAD, "no password or ACL file configured",
                    0, 0, 0);
        }
        SecuritySnapshot next;
        try {
            next = read(settings);
        } catch (SecurityFileException invalid) {
            lastSeen = FileStamps.of(settings); // the watcher retries only once the file changes again
            rejectedReloads.increment();
            SecuritySnapshot kept = current.get();
            LOG.error("security reload rejected, the previous users and rules stay in force: {}",
                    invalid.getMessage());
            return new ReloadResult(ReloadResult.Outcome.REJECTED, invalid.getMessage(), userCount(kept),
                    ruleCount(kept), 0);
        }
        current.set(next);
        lastSeen = next.stamps();
        reloads.increment();
        int revoked = next.acl() == null ? 0 : revoke(revoker, next.acl());
        revokedSubscriptions.add(revoked);
        String message = describe(next) + (revoked > 0 ? "; " + revoked + " subscriptions revoked" : "");
        LOG.info("security reloaded: {}", message);
        return new ReloadResult(ReloadResult.Outcome.APPLIED, message, userCount(next), ruleCount(next), revoked);
    }

    private static int revoke(SubscriptionRevoker revoker, Acl acl) {
        try {
            return revoker.revoke(acl::maySubscribe).toCompletableFuture()
                    .get(REVOKE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (ExecutionException | TimeoutException e) {
            LOG.error("revoking subscriptions after the ACL reload failed", e);
            return 0;
        }
    }

    /** Polls the files' modification time and size every {@code settings.reloadInterval()}; a change reloads. */
    public synchronized void watch(SubscriptionRevoker revoker) {
        if (!settings.hasFiles() || settings.reloadInterval().isZero() || watcher != null) {
            return;
        }
        lastSeen = current.get().stamps();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "ternmq-security-watch");
            thread.setDaemon(true);
            return thread;
        });
        long millis = settings.reloadInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> reloadIfChanged(revoker), millis, millis, TimeUnit.MILLISECONDS);
        watcher = scheduler;
    }

    private synchronized void reloadIfChanged(SubscriptionRevoker revoker) {
        try {
            FileStamps now = FileStamps.of(settings);
            if (!now.equals(lastSeen)) {
                lastSeen = now; // a rejected file is not retried until it changes again
                LOG.info("security files changed, reloading");
                reload(revoker);
            }
        } catch (RuntimeException e) {
            LOG.error("security file watch failed", e);
        }
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.shutdownNow();
            watcher = null;
        }
        hashing.shutdownNow();
    }

    private static String describe(SecuritySnapshot snapshot) {
        return (snapshot.users() == null ? "no password file" : userCount(snapshot) + " users") + ", "
                + (snapshot.acl() == null ? "no ACL file" : ruleCount(snapshot) + " ACL rules");
    }

    private static int userCount(SecuritySnapshot snapshot) {
        Users users = snapshot.users();
        return users == null ? 0 : users.size();
    }

    private static int ruleCount(SecuritySnapshot snapshot) {
        Acl acl = snapshot.acl();
        return acl == null ? 0 : acl.ruleCount();
    }
}
