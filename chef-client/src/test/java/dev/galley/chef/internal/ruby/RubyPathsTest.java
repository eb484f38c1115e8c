package dev.galley.chef.internal.ruby;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RubyPathsTest {

    @Test
    void dirname_matchesRubyCornerCases() {
        assertThat(RubyPaths.dirname("/a/b/c.rb")).isEqualTo("/a/b");
        assertThat(RubyPaths.dirname("/a/b/")).isEqualTo("/a");
        assertThat(RubyPaths.dirname("c.rb")).isEqualTo(".");
        assertThat(RubyPaths.dirname("/c.rb")).isEqualTo("/");
        assertThat(RubyPaths.dirname("/")).isEqualTo("/");
        assertThat(RubyPaths.dirname("")).isEqualTo(".");
    }

    @Test
    void join_putsOneSeparatorBetweenPartsAndKeepsInnerOnes() {
        assertThat(RubyPaths.join(List.of("a", "b", "c"))).isEqualTo("a/b/c");
        assertThat(RubyPaths.join(List.of("a/", "/b"))).isEqualTo("a/b");
        assertThat(RubyPaths.join(List.of("a//", "b"))).isEqualTo("a//b");
        assertThat(RubyPaths.join(List.of("", "b"))).isEqualTo("/b");
        assertThat(RubyPaths.join(List.of("a", ""))).isEqualTo("a/");
        assertThat(RubyPaths.join(List.of())).isEmpty();
    }

    @Test
    void expand_resolvesTildeBaseAndDotDot() {
        assertThat(RubyPaths.expand("~", null, "/home/me", "/cwd", true)).isEqualTo("/home/me");
        assertThat(RubyPaths.expand("~/.chef/x.pem", null, "/home/me", "/cwd", true)).isEqualTo("/home/me/.chef/x.pem");
        assertThat(RubyPaths.expand("../cookbooks", "/repo/.chef/config.rb", "/h", "/cwd", true))
                .isEqualTo("/repo/.chef/cookbooks");
        assertThat(RubyPaths.expand("x/./y/../z", null, "/h", "/cwd", true)).isEqualTo("/cwd/x/z");
        assertThat(RubyPaths.expand("rel", "~/base", "/h", "/cwd", true)).isEqualTo("/h/base/rel");
        assertThat(RubyPaths.expand("/../..", null, "/h", "/cwd", true)).isEqualTo("/");
        assertThat(RubyPaths.expand("~bob/x", null, "/h", "/cwd", true)).isNull();
        assertThat(RubyPaths.expand("~", null, "/h", "/cwd", false)).isEqualTo("/cwd/~");
    }

    @Test
    void basename_stripsGivenOrAnyExtension() {
        assertThat(RubyPaths.basename("/a/config.rb", null)).isEqualTo("config.rb");
        assertThat(RubyPaths.basename("/a/config.rb", ".rb")).isEqualTo("config");
        assertThat(RubyPaths.basename("/a/archive.tar.gz", ".*")).isEqualTo("archive.tar");
        assertThat(RubyPaths.basename("/a/.bashrc", ".*")).isEqualTo(".bashrc");
        assertThat(RubyPaths.basename("/a/b/", null)).isEqualTo("b");
    }
}
