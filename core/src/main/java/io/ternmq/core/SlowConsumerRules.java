package io.ternmq.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which {@link SlowConsumerPolicy} a client gets: the first client-id pattern that matches, else its listener's
 * policy, else the broker default.
 *
 * @param byListener policy per listener name
 * @param byClient   client-id patterns ({@code *} any run of characters, {@code ?} one), first match wins
 */
public record SlowConsumerRules(SlowConsumerPolicy defaultPolicy, Map<String, SlowConsumerPolicy> byListener,
                                List<ClientPattern> byClient) {

    public SlowConsumerRules {
        Objects.requireNonNull(defaultPolicy, "defaultPolicy");
        byListener = Map.copyOf(byListener);
        byClient = List.copyOf(byClient);
    }

    /** The same policy for every client. */
    public static SlowConsumerRules always(SlowConsumerPolicy policy) {
        return new SlowConsumerRules(policy, Map.of(), List.of());
    }

    public SlowConsumerPolicy policyFor(String listenerName, String clientId) {
        for (ClientPattern pattern : byClient) {
            if (pattern.matches(clientId)) {
                return pattern.policy();
            }
        }
        return byListener.getOrDefault(listenerName, defaultPolicy);
    }

    /** A client-id glob and the policy of the clients it matches. */
    public record ClientPattern(String glob, SlowConsumerPolicy policy, Pattern regex) {

        public ClientPattern(String glob, SlowConsumerPolicy policy) {
            this(glob, policy, compile(glob));
        }

        boolean matches(String clientId) {
            return regex.matcher(clientId).matches();
        }

        private static Pattern compile(String glob) {
            StringBuilder regex = new StringBuilder();
            for (String literal : glob.split("((?<=[*?])|(?=[*?]))")) {
                switch (literal) {
                    case "*" -> regex.append(".*");
                    case "?" -> regex.append('.');
                    case "" -> { }
                    default -> regex.append(Pattern.quote(literal));
                }
            }
            return Pattern.compile(regex.toString(), Pattern.DOTALL);
        }
    }
}
