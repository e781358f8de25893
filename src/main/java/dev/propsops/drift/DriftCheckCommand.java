package dev.propsops.drift;

import dev.propsops.cli.NotImplementedCommand;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands: exits 2 with "not implemented yet". */
@Command(name = "drift-check", description = "Feature-store drift per feature and month against a season-aligned baseline (not implemented yet).")
public class DriftCheckCommand extends NotImplementedCommand {
}
