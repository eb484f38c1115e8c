package dev.galley.knife.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodeStatusTest {
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);

    private static NodeStatus ranSecondsAgo(long seconds) {
        return new NodeStatus("web1", "_default", Optional.of(BigDecimal.valueOf(NOW.getEpochSecond() - seconds)),
                Optional.of("web1.example.com"), Optional.of("10.0.0.1"), List.of("recipe[base]", "role[web]"),
                Optional.of("ubuntu"), Optional.of("22.04"));
    }

    @Test
    void line_isKnifesFormat() {
        assertThat(ranSecondsAgo(3600).line(NOW, false, false))
                .isEqualTo("1 hour ago, web1, web1.example.com, 10.0.0.1, ubuntu 22.04.");
        assertThat(ranSecondsAgo(7300).line(NOW, true, false)).isEqualTo("2 hours ago, web1, web1.example.com, "
                + "10.0.0.1, [\"recipe[base]\", \"role[web]\"], ubuntu 22.04.");
    }

    @Test
    void age_showsTheLargestWholeUnit() {
        assertThat(ranSecondsAgo(1).ageText(NOW)).hasValue("1 second");
        assertThat(ranSecondsAgo(59).ageText(NOW)).hasValue("59 seconds");
        assertThat(ranSecondsAgo(61).ageText(NOW)).hasValue("1 minute");
        assertThat(ranSecondsAgo(3599).ageText(NOW)).hasValue("59 minutes");
        assertThat(ranSecondsAgo(90_000).ageText(NOW)).hasValue("25 hours");
    }

    @Test
    void colour_isGreenUnderAnHour_yellowUpTo24Hours_redAfter_asKnife() {
        assertThat(ranSecondsAgo(3599).age(NOW)).hasValue(NodeStatus.Age.GREEN);
        assertThat(ranSecondsAgo(3600).age(NOW)).hasValue(NodeStatus.Age.YELLOW);
        assertThat(ranSecondsAgo(24 * 3600 + 3599).age(NOW)).hasValue(NodeStatus.Age.YELLOW);
        assertThat(ranSecondsAgo(25 * 3600).age(NOW)).hasValue(NodeStatus.Age.RED);
        assertThat(ranSecondsAgo(25 * 3600).line(NOW, false, true)).startsWith("\u001b[31m25 hours\u001b[0m ago, ");
        assertThat(ranSecondsAgo(60).line(NOW, false, true)).startsWith("\u001b[32m1 minute\u001b[0m ago, ");
    }

    @Test
    void aNodeThatNeverRan_saysSo() {
        NodeStatus never = new NodeStatus("new1", "_default", Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty());

        assertThat(never.line(NOW, false, true)).isEqualTo("Node new1 has not yet converged.");
        assertThat(never.ranWithin(60, NOW)).isFalse();
    }

    @Test
    void ranWithin_isKnifesHideByMinsWindow() {
        assertThat(ranSecondsAgo(59 * 60).ranWithin(60, NOW)).isTrue();
        assertThat(ranSecondsAgo(61 * 60).ranWithin(60, NOW)).isFalse();
    }
}
