package io.ternmq.server.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Reads one YAML document of the shape {@code section: {field: scalar}} into raw values keyed by
 * {@link ConfigKey}, each remembering its line; the one list, {@code listeners: [{field: scalar}]}, becomes
 * {@link ListenerEntry}s. It walks Jackson's token stream rather than binding to classes
 * because binding loses the line of a value, and every error here must name the file line.
 */
final class YamlLayerReader {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final String LISTENERS = "listeners";

    private final JsonParser parser;
    private final IntFunction<Origin> originOfLine;
    private final Map<ConfigKey<?>, RawValue> values = new LinkedHashMap<>();
    private final Set<String> sections = new HashSet<>();
    private final List<ListenerEntry> listeners = new ArrayList<>();

    /** The keyed values of a file and its list of extra listeners. */
    record Layer(Map<ConfigKey<?>, RawValue> values, List<ListenerEntry> listeners) {
    }

    private YamlLayerReader(JsonParser parser, IntFunction<Origin> originOfLine) {
        this.parser = parser;
        this.originOfLine = originOfLine;
    }

    /** Reads {@code input}; {@code originOfLine} turns a 1-based line into the origin used in messages. */
    static Map<ConfigKey<?>, RawValue> read(InputStream input, IntFunction<Origin> originOfLine) {
        return readLayer(input, originOfLine).values();
    }

    /** Like {@link #read}, keeping the {@code listeners:} list too. */
    static Layer readLayer(InputStream input, IntFunction<Origin> originOfLine) {
        try (JsonParser parser = YAML.createParser(input)) {
            YamlLayerReader reader = new YamlLayerReader(parser, originOfLine);
            return new Layer(reader.document(), List.copyOf(reader.listeners));
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
            throw error("the top level must be a mapping of sections (listener, listeners, limits, sessions, "
                    + "storage, auth, admin, sys, log)");
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
        if (name.equals(LISTENERS)) {
            listenerList(origin);
            return;
        }
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

    private void listenerList(Origin origin) throws IOException {
        if (!sections.add(LISTENERS)) {
            throw new ConfigException(origin, "duplicate section '" + LISTENERS + "'");
        }
        JsonToken value = parser.nextToken();
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        if (value != JsonToken.START_ARRAY) {
            throw new ConfigException(origin, "'" + LISTENERS + "' must be a list of listeners, was "
                    + shapeOf(value));
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            Origin entryOrigin = here();
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw new ConfigException(entryOrigin, "each listener must be a mapping of keys (name, type, port, "
                        + "...), was " + shapeOf(parser.currentToken()));
            }
            Map<ConfigKey<?>, RawValue> fields = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                Origin fieldOrigin = here();
                ConfigKey<?> key = ListenerKeys.require(parser.currentName(), fieldOrigin);
                if (fields.put(key, scalar(key.name(), fieldOrigin)) != null) {
                    throw new ConfigException(fieldOrigin, "duplicate key '" + key.field() + "' in a listener");
                }
            }
            fields.forEach(ConfigKey::parse);
            listeners.add(new ListenerEntry(entryOrigin, fields));
        }
    }

    private RawValue scalar(String name, Origin origin) throws IOException {
        JsonToken value = parser.nextToken();
        if (value == JsonToken.VALUE_NULL) {
            throw new ConfigException(origin, name + " has no value");
        }
        if (!value.isScalarValue()) {
            throw new ConfigException(origin, name + " must be a single value, was " + shapeOf(value));
        }
        return new RawValue(parser.getText(), origin);
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
