package dev.galley.chef;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One page of search results as the server returned it.
 *
 * @param total the number of matches in the index
 * @param start the offset of the first row
 * @param rows  the rows: whole objects, or for partial search the {@code data} of each row
 */
public record SearchPage(long total, long start, List<JsonNode> rows) {
    public SearchPage {
        rows = List.copyOf(rows);
    }
}
