package io.ternmq.server.admin;

import java.util.List;

/**
 * One page of a listing, chosen by {@code ?page=&size=} (page counts from 1) or by {@code ?offset=&limit=}; the
 * two styles cannot be mixed. Default: the first 100 items; at most 1000 per page.
 */
record Page(int offset, int limit) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    static Page of(ApiRequest request) {
        boolean paged = request.param("page").isPresent() || request.param("size").isPresent();
        boolean sliced = request.param("offset").isPresent() || request.param("limit").isPresent();
        if (paged && sliced) {
            throw ApiError.badRequest("use either page/size or offset/limit, not both");
        }
        if (paged) {
            int size = number(request, "size", DEFAULT_LIMIT, 1, MAX_LIMIT);
            int page = number(request, "page", 1, 1, Integer.MAX_VALUE);
            long offset = (long) (page - 1) * size;
            return new Page((int) Math.min(offset, Integer.MAX_VALUE), size);
        }
        return new Page(number(request, "offset", 0, 0, Integer.MAX_VALUE),
                number(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT));
    }

    private static int number(ApiRequest request, String name, int fallback, int min, int max) {
        String text = request.query().get(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the accepted range
        }
        throw ApiError.badRequest(name + " must be an integer " + min + ".." + max + ", was '" + text + "'");
    }

    /** The page's items and the paging facts a client needs to ask for the next one. */
    <T> Listing<T> apply(List<T> all) {
        int from = Math.min(offset, all.size());
        int to = (int) Math.min((long) from + limit, all.size());
        return new Listing<>(all.subList(from, to), all.size(), offset, limit);
    }

    record Listing<T>(List<T> items, int total, int offset, int limit) {
    }
}
