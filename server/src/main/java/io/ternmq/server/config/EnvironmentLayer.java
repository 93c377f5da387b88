package io.ternmq.server.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads {@code TERNMQ_<SECTION>_<FIELD>} variables. A {@code TERNMQ_} variable that matches no key is an error, not
 * silence: a misspelt override that is ignored is the hardest configuration bug to find.
 */
final class EnvironmentLayer {

    private EnvironmentLayer() {
    }

    static Map<ConfigKey<?>, RawValue> read(Map<String, String> environment) {
        Map<ConfigKey<?>, RawValue> values = new LinkedHashMap<>();
        new TreeMap<>(environment).forEach((name, text) -> {
            if (!name.startsWith(ConfigKey.ENVIRONMENT_PREFIX)) {
                return;
            }
            ConfigKey<?> key = ConfigKeys.ALL.stream()
                    .filter(candidate -> candidate.environmentVariable().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new ConfigException(new Origin.EnvironmentVariable(name),
                            "no such setting (known: " + knownVariables() + ")"));
            values.put(key, new RawValue(text, new Origin.EnvironmentVariable(name)));
        });
        return values;
    }

    private static String knownVariables() {
        return ConfigKeys.ALL.stream().map(ConfigKey::environmentVariable).collect(Collectors.joining(", "));
    }
}
