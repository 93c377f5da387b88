package io.ternmq.server.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ternmq.core.AdminOperations;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.Topics;
import io.ternmq.store.RetainedMessage;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/retained} and {@code POST /api/v1/publish}. */
final class MessageRoutes {

    private final AdminOperations operations;
    private final ObjectMapper json;

    MessageRoutes(AdminOperations operations, ObjectMapper json) {
        this.operations = operations;
        this.json = json;
    }

    /** A retained message; {@code payload} is the text when the bytes are UTF-8, else null (see payloadBase64). */
    record Retained(String topic, int qos, int size, @Nullable String payload, String payloadBase64) {
    }

    /** {@code ?filter=} a topic filter, default {@code #} (which, as in MQTT, leaves out $ topics). */
    Page.Listing<Retained> retained(ApiRequest request) {
        Page page = Page.of(request);
        String filter = request.param("filter").orElse("#");
        if (!Topics.isValidTopicFilter(filter)) {
            throw ApiError.badRequest("filter is not a valid MQTT topic filter: '" + filter + "'");
        }
        List<Retained> all = operations.retained(filter).stream()
                .sorted(Comparator.comparing(RetainedMessage::topic))
                .map(m -> new Retained(m.topic(), m.qos().value(), m.payload().length, text(m.payload()),
                        Base64.getEncoder().encodeToString(m.payload())))
                .toList();
        return page.apply(all);
    }

    Map<String, String> deleteRetained(String topic) {
        requireTopicName(topic);
        if (!operations.deleteRetained(topic)) {
            throw ApiError.notFound("no retained message on topic " + topic);
        }
        return Map.of("topic", topic, "result", "deleted");
    }

    /** Body: {"topic": "...", "payload": "...", "encoding": "text"|"base64", "qos": 0..2, "retain": false}. */
    Map<String, String> publish(byte[] body) {
        JsonNode request = parse(body);
        String topic = requiredText(request, "topic");
        requireTopicName(topic);
        String encoding = optionalText(request, "encoding", "text");
        String payloadText = optionalText(request, "payload", "");
        byte[] payload = switch (encoding) {
            case "text" -> payloadText.getBytes(StandardCharsets.UTF_8);
            case "base64" -> base64(payloadText);
            default -> throw ApiError.badRequest("encoding must be 'text' or 'base64', was '" + encoding + "'");
        };
        Qos qos = qos(request.get("qos"));
        JsonNode retain = request.get("retain");
        if (retain != null && !retain.isBoolean()) {
            throw ApiError.badRequest("retain must be true or false");
        }
        boolean retained = retain != null && retain.booleanValue();
        Await.of(operations.publish(topic, payload, qos,
                retained ? AdminOperations.Retain.YES : AdminOperations.Retain.NO));
        return Map.of("topic", topic, "result", "published");
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiError.badRequest("the body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException invalid) {
            throw ApiError.badRequest("the body is not valid JSON: " + invalid.getOriginalMessage());
        } catch (IOException unreadable) {
            throw ApiError.badRequest("the body cannot be read: " + unreadable.getMessage());
        }
    }

    private static String requiredText(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || !value.isTextual()) {
            throw ApiError.badRequest(field + " is required and must be a string");
        }
        return value.textValue();
    }

    private static String optionalText(JsonNode request, String field, String fallback) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw ApiError.badRequest(field + " must be a string");
        }
        return value.textValue();
    }

    private static Qos qos(@Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            return Qos.AT_MOST_ONCE;
        }
        if (!value.isInt() || value.intValue() < 0 || value.intValue() > 2) {
            throw ApiError.badRequest("qos must be 0, 1 or 2, was " + value);
        }
        return Qos.fromValue(value.intValue());
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException invalid) {
            throw ApiError.badRequest("payload is not valid base64: " + invalid.getMessage());
        }
    }

    private static void requireTopicName(String topic) {
        if (!Topics.isValidTopicName(topic)) {
            throw ApiError.badRequest("not a valid MQTT topic name (non-empty, no wildcards): '" + topic + "'");
        }
    }

    private static @Nullable String text(byte[] payload) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException binary) {
            return null;
        }
    }
}
