package dev.galley.chef.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.galley.chef.Search;
import dev.galley.chef.SearchPage;
import dev.galley.chef.SearchQuery;
import java.util.ArrayList;
import java.util.List;

final class DefaultSearch extends Endpoint implements Search, SearchQuery.Fetcher {
    DefaultSearch(ChefHttp http) {
        super(http);
    }

    @Override
    public List<String> indexes() {
        return names(http.get("/search"));
    }

    @Override
    public SearchQuery query(String index, String query) {
        Paths.of("search", index); // validates the index name
        return new SearchQuery(this, index, query);
    }

    @Override
    public SearchPage fetch(SearchQuery q, long start, int rows) {
        String path = Paths.of("search", q.index()) + "?" + Paths.query("q", q.query(), "sort", q.sort().orElse(null),
                "start", start, "rows", rows);
        JsonNode answer = q.partial() ? http.post(path, q.attributes()) : http.get(path);
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode row : answer.path("rows")) {
            if (row.isNull()) {
                continue; // erchef returns null for rows deleted between index and fetch
            }
            out.add(q.partial() ? row.path("data") : row);
        }
        return new SearchPage(answer.path("total").asLong(out.size()), answer.path("start").asLong(start), out);
    }
}
