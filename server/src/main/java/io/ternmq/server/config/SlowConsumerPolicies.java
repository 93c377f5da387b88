package io.ternmq.server.config;

import io.ternmq.core.SlowConsumerPolicy;
import io.ternmq.core.SlowConsumerRules.ClientPattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Slow-consumer policies by client id: {@code pattern=policy} pairs separated by commas, first match wins, e.g.
 * {@code sensor-*=drop_newest, dashboard-?=disconnect} ({@code *} any run of characters, {@code ?} one); empty
 * for none.
 */
public record SlowConsumerPolicies() implements ValueType<List<ClientPattern>> {

    static final Choice POLICY = Choice.of("drop_oldest", "drop_newest", "disconnect");
    private static final String REQUIREMENT = "client-id-pattern=drop_oldest|drop_newest|disconnect pairs separated "
            + "by commas, e.g. sensor-*=drop_newest";

    /** The policy a configuration word names. */
    static SlowConsumerPolicy policy(String word) {
        return SlowConsumerPolicy.valueOf(POLICY.parse(word).toUpperCase(Locale.ROOT));
    }

    @Override
    public List<ClientPattern> parse(String text) {
        List<ClientPattern> result = new ArrayList<>();
        if (text.isBlank()) {
            return result;
        }
        for (String pair : text.split(",", -1)) {
            int equals = pair.lastIndexOf('=');
            if (equals <= 0 || pair.substring(0, equals).isBlank()) {
                throw new InvalidValueException(REQUIREMENT);
            }
            try {
                result.add(new ClientPattern(pair.substring(0, equals).strip(), policy(pair.substring(equals + 1))));
            } catch (InvalidValueException notAPolicy) {
                throw new InvalidValueException(REQUIREMENT);
            }
        }
        return List.copyOf(result);
    }

    @Override
    public String format(List<ClientPattern> value) {
        return value.stream().map(p -> p.glob() + "=" + p.policy().name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(","));
    }

    @Override
    public String describe() {
        return "client-id-pattern=policy, ...";
    }
}
