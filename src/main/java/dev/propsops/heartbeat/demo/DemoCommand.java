package dev.propsops.heartbeat.demo;

import dev.propsops.cli.NotImplementedCommand;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands: exits 2 with "not implemented yet". */
@Command(name = "demo", description = "The heartbeat story on a private local emulator (not implemented yet).")
public class DemoCommand extends NotImplementedCommand {
}
