package io.ternmq.server.security;

/**
 * Counters of the security policy.
 *
 * @param failedLogins         CONNECTs refused by the authenticator (bad credentials or anonymous not allowed)
 * @param reloads              reloads applied (the first load not included)
 * @param rejectedReloads      reloads rejected because a file was invalid
 * @param revokedSubscriptions subscriptions removed after an ACL reload
 */
public record SecurityStats(long failedLogins, long reloads, long rejectedReloads, long revokedSubscriptions) {
}
