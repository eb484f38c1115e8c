package dev.galley.knife.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.galley.core.GalleyException;
import org.junit.jupiter.api.Test;

class VersionConstraintTest {

    @Test
    void pessimisticWithTwoParts_allowsUpToTheNextMajor() {
        VersionConstraint c = VersionConstraint.parse("~> 1.2");

        assertThat(c.includes("1.2.0")).isTrue();
        assertThat(c.includes("1.9.9")).isTrue();
        assertThat(c.includes("1.1.9")).isFalse();
        assertThat(c.includes("2.0.0")).isFalse();
    }

    @Test
    void pessimisticWithThreeParts_allowsUpToTheNextMinor() {
        VersionConstraint c = VersionConstraint.parse("~> 1.2.3");

        assertThat(c.includes("1.2.3")).isTrue();
        assertThat(c.includes("1.2.10")).isTrue();
        assertThat(c.includes("1.3.0")).isFalse();
        assertThat(c.includes("1.2.2")).isFalse();
    }

    @Test
    void comparisons_compareNumbersNotText() {
        assertThat(VersionConstraint.parse(">= 1.10").includes("1.9.0")).isFalse();
        assertThat(VersionConstraint.parse(">= 1.10").includes("1.10.0")).isTrue();
        assertThat(VersionConstraint.parse("< 2.0").includes("1.99.99")).isTrue();
        assertThat(VersionConstraint.parse("> 2.0.0").includes("2.0.0")).isFalse();
        assertThat(VersionConstraint.parse("<= 2.0").includes("2.0.0")).isTrue();
    }

    @Test
    void bareVersion_meansEquals() {
        VersionConstraint c = VersionConstraint.parse("2.1");

        assertThat(c.operator()).isEqualTo("=");
        assertThat(c.includes("2.1.0")).isTrue();
        assertThat(c.includes("2.1.1")).isFalse();
    }

    @Test
    void garbage_isBadInput() {
        assertThatThrownBy(() -> VersionConstraint.parse("about 2")).isInstanceOf(GalleyException.class)
                .hasMessageContaining("'about 2' is not a cookbook version constraint");
    }
}
