/** Security from outside: password file logins, ACL decisions, reloads while clients are connected, topic limits. */
@NullMarked
package io.ternmq.e2e.security;

import org.jspecify.annotations.NullMarked;
