package io.ternmq.server.admin;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The REST API under {@code /api/v1/}: maps method and path to a route and returns the object to send as JSON.
 * Identifiers after a collection name take the rest of the path (decoded), so client ids and topics may contain
 * '/' (write it as %2F or plainly).
 */
final class ApiRoutes {

    static final String PREFIX = "/api/v1/";

    private final ClientRoutes clients;
    private final MessageRoutes messages;
    private final BrokerRoutes broker;

    ApiRoutes(AdminContext context, ObjectMapper json) {
        this.clients = new ClientRoutes(context.operations());
        this.messages = new MessageRoutes(context.operations(), json);
        this.broker = new BrokerRoutes(context);
    }

    Object handle(ApiRequest request) {
        String path = request.path().substring(PREFIX.length());
        String method = request.method();
        if (path.startsWith("clients/") && path.length() > "clients/".length()) {
            String clientId = path.substring("clients/".length());
            return switch (method) {
                case "GET" -> clients.get(clientId);
                case "DELETE" -> clients.kick(clientId);
                default -> throw notAllowed(method, request.path());
            };
        }
        if (path.startsWith("retained/") && path.length() > "retained/".length()) {
            requireMethod("DELETE", request);
            return messages.deleteRetained(path.substring("retained/".length()));
        }
        return switch (path) {
            case "clients" -> {
                requireMethod("GET", request);
                yield clients.list(request);
            }
            case "subscriptions" -> {
                requireMethod("GET", request);
                yield clients.subscriptions(request);
            }
            case "retained" -> {
                requireMethod("GET", request);
                yield messages.retained(request);
            }
            case "publish" -> {
                requireMethod("POST", request);
                yield messages.publish(request.body());
            }
            case "broker" -> {
                requireMethod("GET", request);
                yield broker.info();
            }
            case "config" -> {
                requireMethod("GET", request);
                yield broker.config();
            }
            case "security/reload" -> {
                requireMethod("POST", request);
                yield broker.reload();
            }
            default -> throw ApiError.notFound("no route " + method + " " + request.path());
        };
    }

    private static void requireMethod(String expected, ApiRequest request) {
        if (!expected.equals(request.method())) {
            throw notAllowed(request.method(), request.path());
        }
    }

    private static ApiError notAllowed(String method, String path) {
        return new ApiError(405, "method_not_allowed", method + " is not allowed on " + path);
    }
}
