package dev.propsops.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one top-level error handler: every failure of every command ends here, is explained (never with an
 * empty message) and mapped to an exit code.
 */
public final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private final Invocation invocation;

    public ErrorHandler(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        return report(ex);
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        String message = ex.getMessage() == null || ex.getMessage().isBlank()
                ? "invalid arguments: " + String.join(" ", args) : ex.getMessage();
        invocation.log().error(message);
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, invocation.err());
        invocation.err().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
        invocation.err().flush();
        return ExitCode.USAGE;
    }

    int report(Throwable failure) {
        Explanation e = ErrorExplainer.explain(failure);
        invocation.log().failure(e.message(), e.fix());
        if (e.exitCode() == ExitCode.FAILED && !(failure instanceof OpsException) && invocation.env("PROPS_OPS_DEBUG").isPresent()) {
            failure.printStackTrace(invocation.err());
        }
        return e.exitCode();
    }
}
