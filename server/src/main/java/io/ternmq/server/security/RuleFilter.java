package io.ternmq.server.security;

import io.ternmq.core.auth.ClientIdentity;
import org.jspecify.annotations.Nullable;

/** The topic filter of one ACL rule, fixed ({@code topic}) or with {@code %u}/{@code %c} ({@code pattern}). */
sealed interface RuleFilter permits FixedFilter, PatternFilter {

    /** Whether the rule's filter, as it reads for {@code client}, matches {@code topic}. Allocation-free. */
    boolean matches(String topic, ClientIdentity client);

    /** The filter's levels as it reads for {@code client}; null when it does not apply to that client. */
    String @Nullable [] levelsFor(ClientIdentity client);
}
