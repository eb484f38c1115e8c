package dev.galley.chef;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Paging rules against a scripted index that behaves as erchef does (total = matches; hidden rows filtered). */
class SearchQueryTest {

    /** 23 matches; rows 5 and 6 are hidden from the caller (ACLs), as erchef drops them from a page. */
    static final class ErchefIndex implements SearchQuery.Fetcher {
        final List<long[]> requests = new ArrayList<>();
        final Set<Integer> hidden = Set.of(5, 6);
        final int matches;

        ErchefIndex(int matches) {
            this.matches = matches;
        }

        @Override
        public SearchPage fetch(SearchQuery query, long start, int rows) {
            requests.add(new long[] {start, rows});
            List<JsonNode> out = new ArrayList<>();
            for (long i = start; i < Math.min(matches, start + rows); i++) {
                if (!hidden.contains((int) i)) {
                    out.add(JsonNodeFactory.instance.objectNode().put("name", "n" + i));
                }
            }
            return new SearchPage(matches, start, out);
        }
    }

    @Test
    void stream_keepsPagingPastAShortPage_byTheRowsAskedFor() {
        ErchefIndex index = new ErchefIndex(23);

        List<String> names = new SearchQuery(index, "node", "*:*").pageSize(5).stream()
                .map(n -> n.path("name").asText()).toList();

        assertThat(names).hasSize(21).doesNotHaveDuplicates().doesNotContain("n5", "n6");
        assertThat(index.requests).extracting(r -> r[0]).containsExactly(0L, 5L, 10L, 15L, 20L);
    }

    @Test
    void stream_isLazy_onlyFetchingWhatIsConsumed() {
        ErchefIndex index = new ErchefIndex(23);

        new SearchQuery(index, "node", "*:*").pageSize(5).stream().limit(3).toList();

        assertThat(index.requests).hasSize(1);
    }

    @Test
    void limit_capsTheRowsAskedFor_onTheLastPage() {
        ErchefIndex index = new ErchefIndex(100);

        assertThat(new SearchQuery(index, "node", "*:*").pageSize(10).start(50).limit(15).list()).hasSize(15);
        assertThat(index.requests).extracting(r -> r[1]).containsExactly(10L, 5L);
    }

    @Test
    void stream_endsWithOneEmptyRequest_whenMatchesAreAnExactMultipleOfThePageSize() {
        ErchefIndex index = new ErchefIndex(10);

        assertThat(new SearchQuery(index, "node", "*:*").pageSize(5).list()).hasSize(8);
        assertThat(index.requests).extracting(r -> r[0]).containsExactly(0L, 5L);
    }
}
