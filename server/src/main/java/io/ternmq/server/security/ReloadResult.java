package io.ternmq.server.security;

/**
 * What a reload of the password and ACL files did, for logs and the admin API.
 *
 * @param outcome              applied, rejected (the previous rules stay), or nothing configured to reload
 * @param message              one line for a person: what was loaded, or what is wrong and where
 * @param users                users in force afterwards
 * @param aclRules             ACL rules in force afterwards
 * @param revokedSubscriptions live subscriptions removed because the new rules no longer allow them
 */
public record ReloadResult(Outcome outcome, String message, int users, int aclRules, int revokedSubscriptions) {

    public enum Outcome { APPLIED, REJECTED, NOTHING_TO_RELOAD }
}
