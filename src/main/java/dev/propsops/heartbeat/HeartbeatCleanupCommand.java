package dev.propsops.heartbeat;

import dev.propsops.cli.NotImplementedCommand;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands: exits 2 with "not implemented yet". */
@Command(name = "heartbeat-cleanup", description = "Remove legacy per-run heartbeat docs, keep one per processor (not implemented yet).")
public class HeartbeatCleanupCommand extends NotImplementedCommand {
}
