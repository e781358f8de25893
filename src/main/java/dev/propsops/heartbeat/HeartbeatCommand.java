package dev.propsops.heartbeat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.propsops.cli.DurationConverter;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Invocation;
import dev.propsops.cli.Json;
import dev.propsops.cli.LocalDateConverter;
import dev.propsops.cli.OpsCommand;
import dev.propsops.cli.OutputOptions;
import dev.propsops.gcp.FirestoreSession;
import dev.propsops.gcp.GcpConfig;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code props-ops heartbeat}: writes or refreshes one processor's heartbeat document. */
@Command(name = "heartbeat", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Write or refresh one processor's heartbeat doc (id = processor name, one doc per processor).")
public class HeartbeatCommand extends OpsCommand {
    @Option(names = "--processor", required = true, paramLabel = "NAME",
            description = "Processor name; it is the document id, so no '/', not '.' or '..', not __x__, at most 1,500 bytes.")
    String processor;

    @Option(names = "--status", required = true, paramLabel = "running|completed|failed", description = "Status of the run.")
    HeartbeatStatus status;

    @Option(names = "--run-id", paramLabel = "ID", description = "Id of the run; a new id starts a new run (sets started_at).")
    String runId;

    @Option(names = "--data-date", paramLabel = "YYYY-MM-DD", converter = LocalDateConverter.class,
            description = "The date of the data the run processes.")
    LocalDate dataDate;

    @Option(names = "--message", paramLabel = "TEXT", description = "A short note shown on the dashboard.")
    String message;

    @Option(names = "--expected-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How often this processor beats (e.g. 26h, 15m); the monitor calls it late after that.")
    Duration expectedInterval;

    @Mixin
    HeartbeatCollectionOptions heartbeats;

    @Mixin
    OutputOptions output;

    @Inject
    GcpConfig gcp;

    @Inject
    HeartbeatConfig config;

    @Override
    protected int execute(Invocation invocation) {
        // validated before any connection: an invalid name must never reach Firestore
        Heartbeat beat = new Heartbeat(processor, status, Optional.ofNullable(runId), Optional.ofNullable(dataDate),
                Optional.ofNullable(message), Optional.ofNullable(expectedInterval));
        String coll = heartbeats.collection(config);
        try (FirestoreSession session = heartbeats.open(gcp, invocation)) {
            HeartbeatWriter.BeatResult result = new HeartbeatWriter(session.client(), coll).beat(beat);
            render(invocation, beat, result, session);
        }
        return ExitCode.OK;
    }

    private void render(Invocation invocation, Heartbeat beat, HeartbeatWriter.BeatResult result, FirestoreSession session) {
        if (output.json()) {
            ObjectNode doc = Json.object();
            doc.put("path", result.path());
            doc.put("processor", beat.processor());
            doc.put("status", beat.status().name());
            doc.put("new_run", result.newRun());
            doc.put("target", session.target().describe());
            Json.print(invocation, doc);
        } else {
            invocation.out().printf("heartbeat %s: %s%s -> %s on %s%n", beat.processor(), beat.status().name(),
                    result.newRun() ? " (new run started)" : "", result.path(), session.target().describe());
        }
    }
}
