package dev.propsops.cli;

/** A subcommand whose issue has not landed: it says so and exits 2, never pretending to work. */
public abstract class NotImplementedCommand extends OpsCommand {
    @Override
    protected int execute(Invocation invocation) {
        throw OpsException.usage(spec.qualifiedName() + ": not implemented yet",
                "see `props-ops --help` for the jobs that are available in this version");
    }
}
