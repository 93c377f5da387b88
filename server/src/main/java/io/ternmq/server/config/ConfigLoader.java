package io.ternmq.server.config;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the effective configuration from four layers, each overriding the one before key by key:
 * embedded defaults &lt; configuration file &lt; environment variables &lt; command line flags.
 * Every value of every layer is validated, so a bad value is reported even when a later layer overrides it.
 */
public final class ConfigLoader {

    public static final String DEFAULTS_RESOURCE = "io/ternmq/server/config/ternmq-defaults.yaml";

    private ConfigLoader() {
    }

    /**
     * @param file        the file named with {@code --config}, or null to run on defaults
     * @param environment the process environment (only {@code TERNMQ_*} variables are read)
     * @param flags       values given on the command line
     */
    public static EffectiveConfig load(@Nullable Path file, Map<String, String> environment,
                                       Map<ConfigKey<?>, RawValue> flags) {
        Map<ConfigKey<?>, RawValue> merged = new LinkedHashMap<>(defaults());
        List<ListenerEntry> listeners = List.of();
        if (file != null) {
            YamlLayerReader.Layer layer = readFile(file);
            merged.putAll(validated(layer.values()));
            listeners = layer.listeners();
        }
        merged.putAll(validated(EnvironmentLayer.read(environment)));
        merged.putAll(validated(flags));
        return EffectiveConfig.bind(merged, listeners);
    }

    static Map<ConfigKey<?>, RawValue> defaults() {
        String name = DEFAULTS_RESOURCE.substring(DEFAULTS_RESOURCE.lastIndexOf('/') + 1) + " (embedded)";
        try (InputStream input = ConfigLoader.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (input == null) {
                throw new IllegalStateException("missing classpath resource " + DEFAULTS_RESOURCE);
            }
            return validated(YamlLayerReader.read(input, line -> new Origin.Default(name, line)));
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot read " + DEFAULTS_RESOURCE, unreadable);
        }
    }

    private static YamlLayerReader.Layer readFile(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new ConfigException("config file " + name + " is a directory");
        }
        try (InputStream input = Files.newInputStream(file)) {
            return YamlLayerReader.readLayer(input, line -> new Origin.FileLine(name, line));
        } catch (NoSuchFileException missing) {
            throw new ConfigException("config file not found: " + name);
        } catch (IOException unreadable) {
            throw new ConfigException("cannot read config file " + name + ": " + unreadable, unreadable);
        }
    }

    private static Map<ConfigKey<?>, RawValue> validated(Map<ConfigKey<?>, RawValue> layer) {
        layer.forEach(ConfigKey::parse);
        return layer;
    }
}
