package dev.propsops.staging;

import dev.propsops.cli.NotImplementedCommand;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands: exits 2 with "not implemented yet". */
@Command(name = "staging-prune", description = "Report, expire or delete stale BigQuery staging tables (not implemented yet).")
public class StagingPruneCommand extends NotImplementedCommand {
}
