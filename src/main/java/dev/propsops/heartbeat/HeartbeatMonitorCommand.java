package dev.propsops.heartbeat;

import dev.propsops.cli.NotImplementedCommand;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands: exits 2 with "not implemented yet". */
@Command(name = "heartbeat-monitor", description = "Read-only heartbeat health: collection size, freshness, score (not implemented yet).")
public class HeartbeatMonitorCommand extends NotImplementedCommand {
}
