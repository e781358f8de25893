package dev.propsops.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        Invocation invocation = invocation();
        List<RunHook> hooks = hooks();
        hooks.forEach(h -> h.started(spec, invocation));
        int exitCode;
        try {
            exitCode = execute(invocation);
        } catch (Exception | Error e) {
            // the hooks see the code the one error handler will map this failure to
            int code = ErrorExplainer.explain(e).exitCode();
            hooks.forEach(h -> h.ended(code, Optional.of(e)));
            throw e;
        }
        hooks.forEach(h -> h.ended(exitCode, Optional.empty()));
        return exitCode;
    }

    /** The run hooks among this command's mixins (e.g. the own heartbeat the top command adds to every job). */
    private List<RunHook> hooks() {
        List<RunHook> hooks = new ArrayList<>();
        spec.mixins().values().forEach(m -> {
            if (m.userObject() instanceof RunHook hook) {
                hooks.add(hook);
            }
        });
        return hooks;
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
