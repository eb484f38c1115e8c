package dev.galley.knife.internal.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    private static String lines(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "l" + i).collect(Collectors.joining("\n")) + "\n";
    }

    @Test
    void sameLines_giveNoDiff() {
        assertThat(UnifiedDiff.of("a", "b", "x\ny\n", "x\ny")).isEmpty();
    }

    @Test
    void oneChangedLine_hasThreeLinesOfContext() {
        String old = lines(1, 10);
        String now = old.replace("l5\n", "L5\n");

        assertThat(UnifiedDiff.of("/roles/web.json", "/roles/web.json", old, now)).isEqualTo("""
                --- /roles/web.json
                +++ /roles/web.json
                @@ -2,7 +2,7 @@
                 l2
                 l3
                 l4
                -l5
                +L5
                 l6
                 l7
                 l8
                """);
    }

    @Test
    void distantChanges_makeTwoHunks_nearOnesOne() {
        String old = lines(1, 20);
        String far = old.replace("l2\n", "").replace("l18\n", "l18\nnew\n");
        String near = old.replace("l5\n", "L5\n").replace("l10\n", "L10\n");

        assertThat(UnifiedDiff.of("a", "b", old, far)).contains("@@ -1,5 +1,4 @@\n l1\n-l2\n l3\n")
                .endsWith("@@ -16,5 +15,6 @@\n l16\n l17\n l18\n+new\n l19\n l20\n");
        assertThat(UnifiedDiff.of("a", "b", old, near)).containsOnlyOnce("@@ -").contains("@@ -2,12 +2,12 @@");
    }

    @Test
    void newAndDeletedFiles_countFromZero() {
        assertThat(UnifiedDiff.of("/dev/null", "/x", "", "a\nb\n")).isEqualTo("--- /dev/null\n+++ /x\n"
                + "@@ -0,0 +1,2 @@\n+a\n+b\n");
        assertThat(UnifiedDiff.of("/x", "/dev/null", "a\n", "")).isEqualTo("--- /x\n+++ /dev/null\n"
                + "@@ -1 +0,0 @@\n-a\n");
    }
}
