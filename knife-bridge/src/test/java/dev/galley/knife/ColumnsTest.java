package dev.galley.knife;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ColumnsTest {

    @Test
    void down_fillsColumnsTopToBottom_withinTheWidth() {
        List<String> names = IntStream.rangeClosed(1, 7).mapToObj(i -> "node-" + i).toList();

        // 6 wide and 2 between: 3 columns fit in 25, so 3 rows
        assertThat(Columns.down(names, 25)).isEqualTo("""
                node-1  node-4  node-7
                node-2  node-5
                node-3  node-6
                """);
    }

    @Test
    void down_ofOneShortList_isOneLine() {
        assertThat(Columns.down(List.of("a", "bb"), Columns.LINE_WIDTH)).isEqualTo("a   bb\n");
        assertThat(Columns.down(List.of(), Columns.LINE_WIDTH)).isEmpty();
    }

    @Test
    void across_sizesEachColumnToItsWidestCell_andColoursOnlyTheText() {
        List<Columns.Cell> cells = List.of(new Columns.Cell("", null), new Columns.Cell("prod", "\u001b[1m"),
                new Columns.Cell("nginx", null), new Columns.Cell("= 1.0.0", "\u001b[33m"));

        assertThat(Columns.across(cells, 2, false)).isEqualTo("       prod\nnginx  = 1.0.0\n");
        assertThat(Columns.across(cells, 2, true))
                .isEqualTo("       \u001b[1mprod\u001b[0m\nnginx  \u001b[33m= 1.0.0\u001b[0m\n");
    }
}
