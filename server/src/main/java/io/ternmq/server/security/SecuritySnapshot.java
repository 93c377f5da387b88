package io.ternmq.server.security;

import org.jspecify.annotations.Nullable;

/** The users and rules in force, swapped as one so that no check ever sees half of a reload. */
record SecuritySnapshot(@Nullable Users users, @Nullable Acl acl, FileStamps stamps) {
}
