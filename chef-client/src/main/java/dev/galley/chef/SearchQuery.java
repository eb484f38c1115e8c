package dev.galley.chef;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A search of one index, built fluently and run lazily: {@link #stream()} asks for the next page only when the
 * previous one is consumed, and pages by the requested row count until the server's {@code total}, even when a page
 * comes back short (the server filters rows it may not show), so results are neither duplicated nor cut at 1000.
 * A full page is always followed by another request, because goiardi reports {@code total} as the number of rows
 * in the page rather than the number of matches.
 *
 * <pre>{@code
 * chef.search().query("node", "role:web AND chef_environment:production")
 *     .attribute("name", "name").attribute("ip", "ipaddress")
 *     .stream().forEach(row -> ...);
 * }</pre>
 */
public final class SearchQuery {
    /** Fetches one page; implemented by the client. */
    public interface Fetcher {
        SearchPage fetch(SearchQuery query, long start, int rows);
    }

    private final Fetcher fetcher;
    private final String index;
    private final String query;
    private final int pageSize;
    private final long start;
    private final Optional<Long> limit;
    private final Optional<String> sort;
    private final Map<String, List<String>> attributes;

    public SearchQuery(Fetcher fetcher, String index, String query) {
        this(fetcher, index, query, 1000, 0, Optional.empty(), Optional.empty(), Map.of());
    }

    private SearchQuery(Fetcher fetcher, String index, String query, int pageSize, long start, Optional<Long> limit,
            Optional<String> sort, Map<String, List<String>> attributes) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.index = Objects.requireNonNull(index, "index");
        this.query = Objects.requireNonNull(query, "query");
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1: " + pageSize);
        }
        if (start < 0) {
            throw new IllegalArgumentException("start must not be negative: " + start);
        }
        this.pageSize = pageSize;
        this.start = start;
        this.limit = limit;
        this.sort = sort;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** Rows asked for per request (default 1000, as Chef's). */
    public SearchQuery pageSize(int rows) {
        return new SearchQuery(fetcher, index, query, rows, start, limit, sort, attributes);
    }

    /** The offset of the first result (knife {@code -b}). */
    public SearchQuery start(long offset) {
        return new SearchQuery(fetcher, index, query, pageSize, offset, limit, sort, attributes);
    }

    /** At most this many results in all (knife {@code -R}). */
    public SearchQuery limit(long max) {
        if (max < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + max);
        }
        return new SearchQuery(fetcher, index, query, pageSize, start, Optional.of(max), sort, attributes);
    }

    public SearchQuery sort(String order) {
        return new SearchQuery(fetcher, index, query, pageSize, start, limit, Optional.of(order), attributes);
    }

    /**
     * Makes this a partial search returning {@code name} from the attribute at {@code path}; a single dotted string
     * ("cloud.public_ipv4") is split at the dots.
     */
    public SearchQuery attribute(String name, String... path) {
        List<String> p = path.length == 1 ? List.of(path[0].split("\\.")) : List.of(path);
        Map<String, List<String>> m = new LinkedHashMap<>(attributes);
        m.put(name, p);
        return new SearchQuery(fetcher, index, query, pageSize, start, limit, sort, m);
    }

    public String index() {
        return index;
    }

    public String query() {
        return query;
    }

    public Optional<String> sort() {
        return sort;
    }

    /** The attribute paths of a partial search; empty for a full search. */
    public Map<String, List<String>> attributes() {
        return attributes;
    }

    public boolean partial() {
        return !attributes.isEmpty();
    }

    /**
     * The number of matches. Asks for no rows; a server that then says 0 is asked for one row, and if it has one,
     * its totals cannot be trusted (goiardi counts the rows of the page) and the matches are counted.
     */
    public long total() {
        long reported = fetcher.fetch(this, start, 0).total();
        if (reported > 0 || fetcher.fetch(this, start, 1).rows().isEmpty()) {
            return reported;
        }
        return stream().count();
    }

    /** The first page only. */
    public SearchPage page() {
        return fetcher.fetch(this, start, rowsFor(start));
    }

    /** Every result, fetched lazily page by page. */
    public Stream<JsonNode> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new Pages(), Spliterator.ORDERED), false);
    }

    /** Every result, each converted to a type ({@code Node.class}, ...). */
    public <T> Stream<T> stream(Class<T> type) {
        return stream().map(n -> dev.galley.chef.internal.Json.MAPPER.convertValue(n, type));
    }

    public List<JsonNode> list() {
        return stream().toList();
    }

    private int rowsFor(long offset) {
        long left = limit.map(l -> l - (offset - start)).orElse(Long.MAX_VALUE);
        return (int) Math.max(0, Math.min(pageSize, left));
    }

    private final class Pages implements Iterator<JsonNode> {
        private long next = start;
        private boolean more = true;
        private final List<JsonNode> buffer = new ArrayList<>();
        private int pos;

        @Override
        public boolean hasNext() {
            while (pos >= buffer.size()) {
                int rows = rowsFor(next);
                if (!more || rows == 0) {
                    return false;
                }
                SearchPage page = fetcher.fetch(SearchQuery.this, next, rows);
                buffer.clear();
                buffer.addAll(page.rows());
                pos = 0;
                next += rows; // by rows asked, not received: a short page is not a reason to re-read rows
                more = next < page.total() || page.rows().size() == rows;
            }
            return true;
        }

        @Override
        public JsonNode next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return buffer.get(pos++);
        }
    }

    @Override
    public String toString() {
        return "search " + index + " '" + query + "'" + (partial() ? " attributes " + attributes.keySet() : "");
    }
}
