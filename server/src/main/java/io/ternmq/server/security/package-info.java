/**
 * Security policy from files: users with salted, iterated password hashes, access rules per user and pattern,
 * anonymous access per listener, and reloading all of it atomically while the broker runs.
 */
@NullMarked
package io.ternmq.server.security;

import org.jspecify.annotations.NullMarked;
