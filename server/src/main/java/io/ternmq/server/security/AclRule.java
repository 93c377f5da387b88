package io.ternmq.server.security;

/** One {@code topic} or {@code pattern} line of the ACL file. */
record AclRule(Access access, RuleFilter filter, int line) {
}
