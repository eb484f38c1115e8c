package dev.galley.chef;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An ordered run list without duplicates, as Chef keeps one; written to JSON as {@code ["recipe[a]", "role[b]"]}.
 *
 * @param items the entries in order
 */
public record RunList(List<RunListItem> items) {

    public RunList {
        items = List.copyOf(new java.util.LinkedHashSet<>(items));
    }

    public static RunList empty() {
        return new RunList(List.of());
    }

    /** Parses entries as knife takes them: each argument may itself be a comma-separated list. */
    public static RunList parse(Collection<String> entries) {
        List<RunListItem> items = new ArrayList<>();
        for (String e : entries) {
            for (String part : e.split(",")) {
                if (!part.isBlank()) {
                    items.add(RunListItem.parse(part));
                }
            }
        }
        return new RunList(items);
    }

    public static RunList of(String... entries) {
        return parse(List.of(entries));
    }

    @JsonCreator
    static RunList fromJson(List<String> entries) {
        return entries == null ? empty() : parse(entries);
    }

    @JsonValue
    public List<String> toStrings() {
        return items.stream().map(RunListItem::toString).toList();
    }

    public boolean contains(RunListItem item) {
        return items.contains(item);
    }

    /** Appends entries not already present; with {@code after}, inserts them right after that entry (knife -a). */
    public RunList add(Collection<RunListItem> added, Optional<RunListItem> after) {
        List<RunListItem> out = new ArrayList<>(items);
        List<RunListItem> fresh = added.stream().filter(i -> !items.contains(i)).toList();
        int at = after.map(out::indexOf).filter(i -> i >= 0).map(i -> i + 1).orElse(out.size());
        out.addAll(at, fresh);
        return new RunList(out);
    }

    public RunList remove(Collection<RunListItem> removed) {
        return new RunList(items.stream().filter(i -> !removed.contains(i)).toList());
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    @Override
    public String toString() {
        return items.stream().map(RunListItem::toString).collect(Collectors.joining(", "));
    }
}
