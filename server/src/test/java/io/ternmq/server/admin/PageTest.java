package io.ternmq.server.admin;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageTest {

    private static Page page(Map<String, String> query) {
        return Page.of(new ApiRequest("GET", "/api/v1/clients", query, new byte[0]));
    }

    @Test
    void of_noParameters_isFirstHundred() {
        assertThat(page(Map.of())).isEqualTo(new Page(0, Page.DEFAULT_LIMIT));
    }

    @Test
    void of_pageAndSize_countsPagesFromOne() {
        assertThat(page(Map.of("page", "3", "size", "20"))).isEqualTo(new Page(40, 20));
    }

    @Test
    void of_mixedStyles_isBadRequest() {
        assertThatThrownBy(() -> page(Map.of("page", "1", "limit", "2"))).isInstanceOf(ApiError.class)
                .extracting(e -> ((ApiError) e).status()).isEqualTo(400);
    }

    @Test
    void apply_offsetBeyondEnd_isEmptyWithTotal() {
        Page.Listing<Integer> listing = new Page(10, 5).apply(List.of(1, 2, 3));
        assertThat(listing.items()).isEmpty();
        assertThat(listing.total()).isEqualTo(3);
    }

    @Test
    void parseQuery_encodedValues_areDecoded() {
        assertThat(ApiRequest.parseQuery("filter=a%2F%2B&x")).containsEntry("filter", "a/+").containsEntry("x", "");
    }
}
