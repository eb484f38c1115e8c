package dev.galley.chef.internal.cookbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CookbookVersionOrderTest {

    @Test
    void newestFirst_comparesNumbersNotText() {
        List<String> versions = new ArrayList<>(List.of("1.9.0", "1.10.0", "0.1.0", "1.2.10", "1.2.9", "10.0.0",
                "2.0", "1.2.3"));

        versions.sort(VersionOrder.NEWEST_FIRST);

        assertThat(versions).containsExactly("10.0.0", "2.0", "1.10.0", "1.9.0", "1.2.10", "1.2.9", "1.2.3", "0.1.0");
    }

    @Test
    void twoAndThreePartVersions_ofTheSameNumberAreEqual() {
        assertThat(VersionOrder.ASCENDING.compare("1.2", "1.2.0")).isZero();
    }

    @Test
    void nonNumericParts_sortAfterNumbers_ratherThanFailing() {
        List<String> versions = new ArrayList<>(List.of("1.0.x", "1.0.1"));

        versions.sort(VersionOrder.ASCENDING);

        assertThat(versions).containsExactly("1.0.1", "1.0.x");
    }

    @Test
    void isChefVersion_acceptsTwoOrThreeWholeNumbers() {
        assertThat(VersionOrder.isChefVersion("1.2.3")).isTrue();
        assertThat(VersionOrder.isChefVersion("1.2")).isTrue();
        assertThat(VersionOrder.isChefVersion("1")).isFalse();
        assertThat(VersionOrder.isChefVersion("1.2.3.4")).isFalse();
        assertThat(VersionOrder.isChefVersion("1.2.3-rc1")).isFalse();
        assertThat(VersionOrder.normalize("1.2")).isEqualTo("1.2.0");
        assertThat(VersionOrder.normalize("1.2.3")).isEqualTo("1.2.3");
    }
}
