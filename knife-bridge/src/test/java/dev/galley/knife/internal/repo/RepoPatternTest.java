package dev.galley.knife.internal.repo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepoPatternTest {

    @Test
    void exactPath_matchesItself_andCoversWhatItHolds() {
        RepoPattern roles = RepoPattern.of("/roles");
        assertThat(roles.matches("/roles")).isTrue();
        assertThat(roles.matches("/roles/web.json")).isFalse();
        assertThat(roles.covers("/roles/web.json")).isTrue();
        assertThat(roles.covers("/nodes/web.json")).isFalse();
        assertThat(roles.isExact()).isTrue();
    }

    @Test
    void globs_matchWithinOnePart_andDoubleStarAcrossParts() {
        RepoPattern items = RepoPattern.of("/data_bags/*/x.json");
        assertThat(items.matches("/data_bags/users/x.json")).isTrue();
        assertThat(items.matches("/data_bags/users/y.json")).isFalse();
        assertThat(items.matches("/data_bags/a/b/x.json")).isFalse();
        assertThat(items.isExact()).isFalse();

        RepoPattern any = RepoPattern.of("/**/web*.json");
        assertThat(any.matches("/roles/web.json")).isTrue();
        assertThat(any.matches("/data_bags/sites/web-1.json")).isTrue();
        assertThat(any.matches("/roles/db.json")).isFalse();

        RepoPattern classes = RepoPattern.of("/roles/[a-c]?.json");
        assertThat(classes.matches("/roles/b1.json")).isTrue();
        assertThat(classes.matches("/roles/d1.json")).isFalse();
    }

    @Test
    void couldMatchBelow_pruneDirectoriesThePatternCannotReach() {
        RepoPattern items = RepoPattern.of("/data_bags/*/x.json");
        assertThat(items.couldMatchBelow("/")).isTrue();
        assertThat(items.couldMatchBelow("/data_bags")).isTrue();
        assertThat(items.couldMatchBelow("/data_bags/users")).isTrue();
        assertThat(items.couldMatchBelow("/roles")).isFalse();
        assertThat(items.couldMatchBelow("/data_bags/users/x.json")).isFalse();
        assertThat(RepoPattern.of("/**").couldMatchBelow("/cookbooks/x")).isTrue();
    }

    @Test
    void lastPartWithoutExtension_alsoNamesTheObjectFile() {
        assertThat(RepoPattern.of("/roles/web").matches("/roles/web.json")).isTrue();
        assertThat(RepoPattern.of("/roles/web").matches("/roles/webx.json")).isFalse();
        assertThat(RepoPattern.of("/cookbooks/nginx").matches("/cookbooks/nginx")).isTrue();
    }

    @Test
    void dotsAndDoubleSlashes_areResolved() {
        assertThat(RepoPattern.of("/roles/../nodes//./web1.json").text()).isEqualTo("/nodes/web1.json");
        assertThat(RepoPattern.of("/").matches("/")).isTrue();
        assertThat(RepoPattern.of("/.").text()).isEqualTo("/");
    }
}
