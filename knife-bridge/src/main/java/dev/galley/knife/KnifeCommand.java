package dev.galley.knife;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every knife-style command: finds the session of the command line it runs in and returns an exit code.
 */
public abstract class KnifeCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        if (!(spec.root().userObject() instanceof KnifeSession.Host host)) {
            throw new IllegalStateException("knife commands must run under a root command that hosts a session");
        }
        return run(host.knifeSession());
    }

    /** Does the work; returns the exit code (0 on success). */
    protected abstract int run(KnifeSession session) throws Exception;
}
