package dev.galley.chef;

import java.util.List;

/**
 * The search endpoints ({@code /search}).
 */
public interface Search {

    /** The searchable indexes: node, role, client, environment and one per data bag. */
    List<String> indexes();

    /** A search of {@code index} with a Lucene-syntax query ("role:web AND platform:debian"). */
    SearchQuery query(String index, String query);
}
