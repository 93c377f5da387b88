package io.ternmq.server.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.ternmq.server.metrics.BrokerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Every admin request: health and metrics (no credentials: liveness probes and scrapers rarely carry them, and the
 * listener is loopback-only by default), and the REST API (credentials required: 401 without, 403 when wrong).
 * Every failure is answered with a JSON error body.
 */
final class AdminHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(AdminHandler.class);
    private static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final String JSON = "application/json";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final AdminContext context;
    private final BrokerMetrics metrics;
    private final AdminCredentials credentials;
    private final ObjectMapper json = new ObjectMapper();
    private final ApiRoutes routes;

    AdminHandler(AdminContext context, BrokerMetrics metrics, AdminCredentials credentials) {
        this.context = context;
        this.metrics = metrics;
        this.credentials = credentials;
        this.routes = new ApiRoutes(context, json);
    }

    private record Reply(int status, String contentType, byte[] body) {
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Reply reply;
            try {
                reply = dispatch(exchange);
            } catch (ApiError refused) {
                reply = json(refused.status(), refused.body());
            } catch (RuntimeException failed) {
                log.warn("admin request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), failed);
                reply = json(500, new ApiError.Body("internal_error", String.valueOf(failed.getMessage())));
            }
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            if (reply.status() == 401) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"ternmq\"");
            }
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    private Reply dispatch(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        switch (path) {
            case "/health" -> {
                return json(200, Map.of("status", "UP"));
            }
            case "/health/ready" -> {
                boolean ready = context.ready().getAsBoolean();
                return json(ready ? 200 : 503, Map.of("status", ready ? "READY" : "NOT_READY"));
            }
            case "/metrics" -> {
                return new Reply(200, PROMETHEUS_TEXT, metrics.scrape().getBytes(StandardCharsets.UTF_8));
            }
            default -> {
                if (!path.startsWith(ApiRoutes.PREFIX)) {
                    throw ApiError.notFound("no route " + method + " " + path);
                }
            }
        }
        authorize(exchange);
        var request = new ApiRequest(method, path, ApiRequest.parseQuery(exchange.getRequestURI().getRawQuery()),
                body(exchange.getRequestBody()));
        return json(200, routes.handle(request));
    }

    private void authorize(HttpExchange exchange) {
        if (!credentials.configured()) {
            throw new ApiError(403, "forbidden", "no admin token or user is configured: the API is locked");
        }
        switch (credentials.check(Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")))) {
            case ALLOWED -> { }
            case MISSING -> throw new ApiError(401, "unauthorized",
                    "send Authorization: Bearer <admin token> or Basic credentials");
            case WRONG -> throw new ApiError(403, "forbidden", "the admin credentials are wrong");
        }
    }

    private static byte[] body(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new ApiError(413, "payload_too_large", "request bodies are limited to " + MAX_BODY_BYTES + " bytes");
        }
        return body;
    }

    private Reply json(int status, Object body) {
        try {
            return new Reply(status, JSON, json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + body.getClass(), e);
        }
    }
}
