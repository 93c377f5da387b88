package io.ternmq.server.admin;

import io.ternmq.core.AdminOperations;
import io.ternmq.core.ClientInfo;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/** {@code /api/v1/clients} and {@code /api/v1/subscriptions}. */
final class ClientRoutes {

    private final AdminOperations operations;

    ClientRoutes(AdminOperations operations) {
        this.operations = operations;
    }

    /** Filters: {@code prefix} (client id), {@code user} (exact user name), {@code address} (address prefix). */
    Page.Listing<ClientViews.Summary> list(ApiRequest request) {
        Page page = Page.of(request);
        Predicate<ClientInfo> filter = filter(request);
        List<ClientViews.Summary> all = Await.of(operations.clients()).stream()
                .filter(filter)
                .map(ClientViews::summary)
                .toList();
        return page.apply(all);
    }

    ClientViews.Detail get(String clientId) {
        Optional<ClientInfo> info = Await.of(operations.client(clientId));
        return info.map(ClientViews::detail).orElseThrow(() -> ApiError.notFound("no session for client " + clientId));
    }

    Map<String, String> kick(String clientId) {
        AdminOperations.KickOutcome outcome = Await.of(operations.kick(clientId));
        return switch (outcome) {
            case DISCONNECTED -> Map.of("clientId", clientId, "result", "disconnected");
            case NOT_CONNECTED -> throw new ApiError(409, "not_connected",
                    "client " + clientId + " has a session but no connection");
            case UNKNOWN_CLIENT -> throw ApiError.notFound("no session for client " + clientId);
        };
    }

    /** Filter: {@code prefix} (client id). */
    Page.Listing<ClientViews.Subscription> subscriptions(ApiRequest request) {
        Page page = Page.of(request);
        String prefix = request.param("prefix").orElse("");
        List<ClientViews.Subscription> all = Await.of(operations.clients()).stream()
                .filter(info -> info.clientId().startsWith(prefix))
                .flatMap(info -> ClientViews.subscriptions(info).stream())
                .toList();
        return page.apply(all);
    }

    private static Predicate<ClientInfo> filter(ApiRequest request) {
        String prefix = request.param("prefix").orElse("");
        Optional<String> user = request.param("user");
        Optional<String> address = request.param("address");
        return info -> info.clientId().startsWith(prefix)
                && user.map(u -> info.connection() != null && Objects.equals(u, info.connection().username()))
                        .orElse(true)
                && address.map(a -> info.connection() != null && info.connection().address().startsWith(a))
                        .orElse(true);
    }
}
