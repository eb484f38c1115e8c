package dev.galley.knife;

import dev.galley.chef.RunList;
import dev.galley.chef.RunListItem;
import dev.galley.core.GalleyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The run-list changes of knife's {@code run_list} and {@code env_run_list} commands, as pure functions: entries are
 * checked before anything is read or saved, and an anchor or entry that is not there is an error (knife silently
 * saves the list unchanged).
 */
final class RunListEdits {
    private RunListEdits() {
    }

    /** knife's entry arguments: each may be a comma-separated list; every entry must be a valid run-list entry. */
    static List<RunListItem> entries(List<String> args) {
        List<RunListItem> out = new ArrayList<>();
        for (String arg : args) {
            for (String part : arg.split(",")) {
                if (!part.isBlank()) {
                    out.add(RunListItem.parse(part.strip()));
                }
            }
        }
        if (out.isEmpty()) {
            throw GalleyException.badInput("no run list entries given: write recipe[NAME] or role[NAME]");
        }
        return out;
    }

    /** An optional {@code --after}/{@code --before} item. */
    static Optional<RunListItem> anchor(String text) {
        return text == null ? Optional.empty() : Optional.of(RunListItem.parse(text));
    }

    /**
     * Adds entries at the end, right after {@code after}, or right before {@code before}; entries already in the list
     * keep their first place (Chef's run lists hold each entry once).
     *
     * @param owner "node web1", for the message when the anchor is missing
     */
    static RunList add(RunList list, List<RunListItem> entries, Optional<RunListItem> after,
            Optional<RunListItem> before, String owner) {
        checkAnchors(after, before);
        Optional<RunListItem> anchor = after.or(() -> before);
        if (anchor.isEmpty()) {
            List<RunListItem> out = new ArrayList<>(list.items());
            out.addAll(entries);
            return new RunList(out);
        }
        requirePresent(list, anchor.get(), owner);
        List<RunListItem> out = new ArrayList<>();
        for (RunListItem item : list.items()) {
            if (before.isPresent() && item.equals(before.get())) {
                out.addAll(entries);
            }
            out.add(item);
            if (after.isPresent() && item.equals(after.get())) {
                out.addAll(entries);
            }
        }
        return new RunList(out);
    }

    static void checkAnchors(Optional<RunListItem> after, Optional<RunListItem> before) {
        if (after.isPresent() && before.isPresent()) {
            throw GalleyException.badInput("give --after or --before, not both");
        }
    }

    static RunList remove(RunList list, List<RunListItem> entries) {
        return list.remove(entries);
    }

    /** The entries that are not in the list (knife warns about them and removes the rest). */
    static List<RunListItem> missing(RunList list, List<RunListItem> entries) {
        return entries.stream().filter(e -> !list.contains(e)).toList();
    }

    /** Puts {@code replacement} where {@code old} is; a list that has the replacement and not {@code old} is done. */
    static RunList replace(RunList list, RunListItem old, RunListItem replacement, String owner) {
        if (!list.contains(old) && list.contains(replacement)) {
            return list;
        }
        requirePresent(list, old, owner);
        return new RunList(list.items().stream().map(i -> i.equals(old) ? replacement : i).toList());
    }

    static void requirePresent(RunList list, RunListItem item, String owner) {
        if (!list.contains(item)) {
            throw GalleyException.badInput(item + " is not in the run list of " + owner
                    + (list.isEmpty() ? " (it is empty)" : " (" + list + ")") + ": nothing was changed");
        }
    }
}
