package io.ternmq.server.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Reads one YAML document of the shape {@code section: {field: scalar}} into raw values keyed by
 * {@link ConfigKey}, each remembering its line. It walks Jackson's token stream rather than binding to classes
 * because binding loses the line of a value, and every error here must name the file line.
 */
final class YamlLayerReader {

    private static final YAMLFactory YAML = new YAMLFactory();

    private final JsonParser parser;
    private final IntFunction<Origin> originOfLine;
    private final Map<ConfigKey<?>, RawValue> values = new LinkedHashMap<>();
    private final Set<String> sections = new HashSet<>();

    private YamlLayerReader(JsonParser parser, IntFunction<Origin> originOfLine) {
        this.parser = parser;
        this.originOfLine = originOfLine;
    }

    /** Reads {@code input}; {@code originOfLine} turns a 1-based line into the origin used in messages. */
    static Map<ConfigKey<?>, RawValue> read(InputStream input, IntFunction<Origin> originOfLine) {
        try (JsonParser parser = YAML.createParser(input)) {
            return new YamlLayerReader(parser, originOfLine).document();
        } catch (JsonProcessingException invalid) {
            int line = invalid.getLocation() == null ? 1 : Math.max(1, invalid.getLocation().getLineNr());
            throw new ConfigException(originOfLine.apply(line), "not valid YAML: " + firstLine(invalid));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private Map<ConfigKey<?>, RawValue> document() throws IOException {
        JsonToken root = parser.nextToken();
        if (root == null || root == JsonToken.VALUE_NULL) {
            return values;
        }
        if (root != JsonToken.START_OBJECT) {
            throw error("the top level must be a mapping of sections (listener, limits, sessions, storage, admin, sys, log)");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            section(parser.currentName());
        }
        if (parser.nextToken() != null) {
            throw error("only one YAML document is allowed");
        }
        return values;
    }

    private void section(String name) throws IOException {
        Origin origin = here();
        if (!ConfigKeys.isSection(name)) {
            ConfigKeys.require(name, origin);
        }
        if (!sections.add(name)) {
            throw new ConfigException(origin, "duplicate section '" + name + "'");
        }
        JsonToken value = parser.nextToken();
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        if (value != JsonToken.START_OBJECT) {
            throw new ConfigException(origin, "'" + name + "' must be a section of keys, was " + shapeOf(value));
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            field(name + "." + parser.currentName());
        }
    }

    private void field(String name) throws IOException {
        Origin origin = here();
        ConfigKey<?> key = ConfigKeys.require(name, origin);
        JsonToken value = parser.nextToken();
        if (value == JsonToken.VALUE_NULL) {
            throw new ConfigException(origin, name + " has no value");
        }
        if (!value.isScalarValue()) {
            throw new ConfigException(origin, name + " must be a single value, was " + shapeOf(value));
        }
        RawValue previous = values.putIfAbsent(key, new RawValue(parser.getText(), origin));
        if (previous != null) {
            throw new ConfigException(origin, "duplicate key '" + name + "'");
        }
    }

    private Origin here() {
        return originOfLine.apply(parser.currentTokenLocation().getLineNr());
    }

    private ConfigException error(String problem) {
        return new ConfigException(here(), problem);
    }

    private static String shapeOf(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "a mapping";
            default -> "a single value";
        };
    }

    private static String firstLine(JsonProcessingException invalid) {
        String message = invalid.getOriginalMessage();
        return message == null ? invalid.getClass().getSimpleName() : message.lines().findFirst().orElse("").strip();
    }
}
