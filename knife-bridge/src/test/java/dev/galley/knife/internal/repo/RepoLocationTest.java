package dev.galley.knife.internal.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.galley.core.GalleyException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RepoLocationTest {
    private static final Path REPO = Path.of("/work/repo");

    @Test
    void insideTheRepository_patternsAreRelative_andPathsPrintRelative() {
        RepoLocation inRoles = RepoLocation.at(REPO, REPO.resolve("roles"));

        assertThat(inRoles.basePath()).contains("/roles");
        assertThat(inRoles.pattern("web.json").text()).isEqualTo("/roles/web.json");
        assertThat(inRoles.pattern("../nodes").text()).isEqualTo("/nodes");
        assertThat(inRoles.pattern(".").text()).isEqualTo("/roles");
        assertThat(inRoles.pattern("/cookbooks").text()).isEqualTo("/cookbooks");
        assertThat(inRoles.display("/roles/web.json")).isEqualTo("web.json");
        assertThat(inRoles.display("/roles")).isEqualTo(".");
        assertThat(inRoles.display("/nodes/x.json")).isEqualTo("/nodes/x.json");

        RepoLocation atRoot = RepoLocation.at(REPO, REPO);
        assertThat(atRoot.pattern(".").text()).isEqualTo("/");
        assertThat(atRoot.display("/roles/web.json")).isEqualTo("roles/web.json");
    }

    @Test
    void outsideTheRepository_relativePatternsAreRefused_andPathsPrintAbsolute() {
        RepoLocation outside = RepoLocation.at(REPO, Path.of("/tmp"));

        assertThat(outside.basePath()).isEmpty();
        assertThat(outside.display("/roles/web.json")).isEqualTo("/roles/web.json");
        assertThatThrownBy(() -> outside.pattern("roles")).isInstanceOf(GalleyException.class)
                .hasMessageStartingWith("Attempt to use relative path 'roles' when current directory is outside "
                        + "the repository path");
        assertThat(RepoLocation.at(REPO, REPO.resolve("docs")).basePath()).isEmpty();
    }
}
