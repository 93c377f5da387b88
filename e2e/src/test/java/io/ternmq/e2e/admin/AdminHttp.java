package io.ternmq.e2e.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small client of the admin listener for tests: plain requests, JSON bodies, Prometheus samples. */
final class AdminHttp {

    static final String TOKEN = "test-admin-token";
    static final String USER = "operator";
    static final String PASSWORD = "pass-word";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*})?) (\\S+)$",
            Pattern.MULTILINE);

    /** How a request proves who sends it. */
    enum Auth { TOKEN, BASIC, NONE, WRONG_TOKEN, WRONG_BASIC }

    record Reply(int status, String contentType, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    private final int port;

    AdminHttp(int port) {
        this.port = port;
    }

    Reply get(String path) {
        return send("GET", path, "", Auth.TOKEN);
    }

    Reply get(String path, Auth auth) {
        return send("GET", path, "", auth);
    }

    Reply delete(String path) {
        return send("DELETE", path, "", Auth.TOKEN);
    }

    Reply post(String path, String body) {
        return send("POST", path, body, Auth.TOKEN);
    }

    Reply send(String method, String path, String body, Auth auth) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        switch (auth) {
            case TOKEN -> request.header("Authorization", "Bearer " + TOKEN);
            case BASIC -> request.header("Authorization", basic(USER, PASSWORD));
            case WRONG_TOKEN -> request.header("Authorization", "Bearer nope");
            case WRONG_BASIC -> request.header("Authorization", basic(USER, "wrong"));
            case NONE -> { }
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Every sample of the Prometheus text, keyed by name and labels as written, e.g. {@code a_total{x="1"}}. */
    Map<String, Double> metrics() {
        Reply reply = send("GET", "/metrics", "", Auth.NONE);
        if (reply.status() != 200) {
            throw new AssertionError("/metrics answered " + reply.status());
        }
        Map<String, Double> samples = new HashMap<>();
        Matcher matcher = SAMPLE.matcher(reply.body());
        while (matcher.find()) {
            samples.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
        }
        return samples;
    }

    double metric(String sample) {
        Double value = metrics().get(sample);
        if (value == null) {
            throw new AssertionError("no sample " + sample);
        }
        return value;
    }
}
