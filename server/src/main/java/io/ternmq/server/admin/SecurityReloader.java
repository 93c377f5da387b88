package io.ternmq.server.admin;

/**
 * Reloads users and ACLs without a restart; behind {@code POST /api/v1/security/reload}. The security module
 * supplies the real one; until then the admin API answers 501.
 */
@FunctionalInterface
public interface SecurityReloader {

    /** The default: nothing to reload. */
    SecurityReloader NOT_CONFIGURED = () -> new ReloadResult(ReloadResult.Status.NOT_CONFIGURED,
            "no reloadable user or ACL source is configured");

    /** Reloads and reports; must not throw for a bad file (report {@link ReloadResult.Status#FAILED}). */
    ReloadResult reload();

    /** What a reload did, with a human-readable detail (e.g. "12 users, 30 ACL rules" or the file error). */
    record ReloadResult(Status status, String detail) {

        public enum Status { RELOADED, FAILED, NOT_CONFIGURED }
    }
}
