package dev.galley.knife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.galley.chef.RunList;
import dev.galley.chef.RunListItem;
import dev.galley.core.GalleyException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunListEditsTest {
    static final RunList LIST = RunList.of("recipe[base]", "role[web]", "recipe[app]");

    static Optional<RunListItem> item(String s) {
        return Optional.of(RunListItem.parse(s));
    }

    @Test
    void entries_splitCommas_readBareNamesAsRecipes() {
        assertThat(RunListEdits.entries(List.of("role[a], b", "recipe[c::d@1.2.0]")))
                .extracting(RunListItem::toString).containsExactly("role[a]", "recipe[b]", "recipe[c::d@1.2.0]");
    }

    @Test
    void entries_refuseAnInvalidEntry_andNone() {
        assertThatThrownBy(() -> RunListEdits.entries(List.of("recipe[ok],not valid")))
                .isInstanceOf(GalleyException.class).hasMessageContaining("'not valid' is not a run list entry");
        assertThatThrownBy(() -> RunListEdits.entries(List.of(" , ")))
                .hasMessageContaining("no run list entries given");
    }

    @Test
    void add_appends_afterOrBefore_anAnchor() {
        List<RunListItem> x = RunListEdits.entries(List.of("x,y"));

        assertThat(RunListEdits.add(LIST, x, Optional.empty(), Optional.empty(), "node n").toStrings())
                .containsExactly("recipe[base]", "role[web]", "recipe[app]", "recipe[x]", "recipe[y]");
        assertThat(RunListEdits.add(LIST, x, item("base"), Optional.empty(), "node n").toStrings())
                .containsExactly("recipe[base]", "recipe[x]", "recipe[y]", "role[web]", "recipe[app]");
        assertThat(RunListEdits.add(LIST, x, Optional.empty(), item("role[web]"), "node n").toStrings())
                .containsExactly("recipe[base]", "recipe[x]", "recipe[y]", "role[web]", "recipe[app]");
    }

    @Test
    void add_keepsAnEntryAlreadyThereInItsPlace() {
        assertThat(RunListEdits.add(LIST, RunListEdits.entries(List.of("recipe[base]")), Optional.empty(),
                Optional.empty(), "node n")).isEqualTo(LIST);
    }

    @Test
    void add_refusesAMissingAnchor_andBothAnchors() {
        List<RunListItem> x = RunListEdits.entries(List.of("x"));

        assertThatThrownBy(() -> RunListEdits.add(LIST, x, item("role[db]"), Optional.empty(), "node web1"))
                .hasMessage("role[db] is not in the run list of node web1 (recipe[base], role[web], recipe[app]): "
                        + "nothing was changed");
        assertThatThrownBy(() -> RunListEdits.add(LIST, x, item("base"), item("app"), "node web1"))
                .hasMessageContaining("--after or --before, not both");
    }

    @Test
    void removeAndMissing() {
        List<RunListItem> gone = RunListEdits.entries(List.of("role[web],recipe[nope]"));

        assertThat(RunListEdits.remove(LIST, gone).toStrings()).containsExactly("recipe[base]", "recipe[app]");
        assertThat(RunListEdits.missing(LIST, gone)).extracting(RunListItem::toString).containsExactly("recipe[nope]");
    }

    @Test
    void replace_putsTheNewEntryInPlace_andIsDoneWhenAlreadyReplaced() {
        RunList replaced = RunListEdits.replace(LIST, RunListItem.parse("role[web]"), RunListItem.parse("role[api]"),
                "role r");

        assertThat(replaced.toStrings()).containsExactly("recipe[base]", "role[api]", "recipe[app]");
        assertThat(RunListEdits.replace(replaced, RunListItem.parse("role[web]"), RunListItem.parse("role[api]"),
                "role r")).isEqualTo(replaced);
        assertThatThrownBy(() -> RunListEdits.replace(LIST, RunListItem.parse("role[db]"),
                RunListItem.parse("role[api]"), "role r")).hasMessageContaining("role[db] is not in the run list");
    }
}
