package dev.galley.knife;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

class KnifeOptionsTest {
    @Command(name = "t")
    static final class Probe {
        @Mixin
        KnifeOptions options = new KnifeOptions();

        @Parameters(arity = "0..*")
        java.util.List<String> args;
    }

    static KnifeOptions parse(String... args) {
        Probe p = new Probe();
        new CommandLine(p).parseArgs(args);
        return p.options;
    }

    @Test
    void environment_takesAValue_orIsABareFlag() {
        assertThat(parse("-E", "prod").environment()).isEqualTo("prod");
        assertThat(parse("-E", "prod").environmentGiven()).isTrue();
        assertThat(parse("web1", "-E").environment()).isNull();
        assertThat(parse("web1", "-E").environmentGiven()).isTrue();
        assertThat(parse("web1").environmentGiven()).isFalse();
    }
}
