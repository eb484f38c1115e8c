package dev.galley.knife;

import dev.galley.knife.internal.repo.RepoCopy;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** What upload and download share after planning: warnings, the purge question, the steps and their lines. */
final class RepoTransfer {
    private static final int NAMES_SHOWN = 5;

    private RepoTransfer() {
    }

    static int carryOut(KnifeSession session, RepoCopy copy, RepoCopy.Plan plan, boolean dryRun, String where,
            UnaryOperator<String> display) {
        plan.warnings().forEach(session::info);
        List<RepoCopy.Action> deletions = plan.deletions();
        if (!dryRun && !deletions.isEmpty()) {
            String names = deletions.stream().limit(NAMES_SHOWN).map(a -> display.apply(a.path()))
                    .collect(Collectors.joining(", "));
            int more = deletions.size() - NAMES_SHOWN;
            session.confirm("Do you really want to delete " + names + (more > 0 ? " and " + more + " more" : "")
                    + " " + where + " (--purge)");
        }
        copy.execute(plan, line -> {
            session.console().out().println(line);
            session.console().out().flush();
        });
        return 0;
    }
}
