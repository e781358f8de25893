package dev.propsops.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every subcommand: resolves the run's {@link Invocation} from the top command and calls
 * {@link #execute(Invocation)}. Failures propagate to the one error handler; commands only return
 * {@link ExitCode#OK} or {@link ExitCode#FINDINGS}.
 */
public abstract class OpsCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        return execute(invocation());
    }

    protected Invocation invocation() {
        Object root = spec.root().userObject();
        if (root instanceof InvocationHolder holder && holder.invocation() != null) {
            return holder.invocation();
        }
        return Invocation.system();
    }

    protected abstract int execute(Invocation invocation) throws Exception;

    /** Implemented by the top command, which carries the invocation for all its subcommands. */
    public interface InvocationHolder {
        Invocation invocation();
    }
}
