package io.ternmq.server.admin;

/** A request the API refuses: the HTTP status and the JSON body {"error": ..., "detail": ...}. */
final class ApiError extends RuntimeException {

    private final int status;
    private final String error;

    ApiError(int status, String error, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.error = error;
    }

    static ApiError badRequest(String detail) {
        return new ApiError(400, "bad_request", detail);
    }

    static ApiError notFound(String detail) {
        return new ApiError(404, "not_found", detail);
    }

    int status() {
        return status;
    }

    Body body() {
        return new Body(error, getMessage());
    }

    record Body(String error, String detail) {
    }
}
