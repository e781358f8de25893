package dev.propsops.repo.drift;

import com.fasterxml.jackson.databind.JsonNode;
import dev.propsops.cli.JsonRecords;
import dev.propsops.cli.JsonRecords.RecordFileException;
import dev.propsops.cli.OpsException;
import dev.propsops.cloudrun.export.GcloudExportReader;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files of {@code --from-export}, sorted by what gcloud printed into each: the {@code kind} of a file's
 * first record says whether it is {@code gcloud run services list}, {@code jobs list}, {@code jobs
 * executions list} or {@code revisions list} output (all {@code --format=json}). One file of each kind.
 *
 * @param kinds the files by kind; a file of no records ({@code []}) counts as services; an empty file is refused
 */
public record ExportFiles(Map<Kind, Path> kinds) {
    public enum Kind {
        SERVICES("Service", "gcloud run services list --format=json"),
        JOBS("Job", "gcloud run jobs list --format=json"),
        EXECUTIONS("Execution", "gcloud run jobs executions list --format=json"),
        REVISIONS("Revision", "gcloud run revisions list --format=json");

        final String recordKind;
        final String command;

        Kind(String recordKind, String command) {
            this.recordKind = recordKind;
            this.command = command;
        }
    }

    public static ExportFiles classify(List<Path> files) {
        Map<Kind, Path> kinds = new EnumMap<>(Kind.class);
        for (Path file : files) {
            Kind kind = kindOf(file);
            Path before = kinds.putIfAbsent(kind, file);
            if (before != null) {
                throw OpsException.usage("--from-export: " + before + " and " + file + " are both `" + kind.command + "` output",
                        "give one file of each kind; gcloud lists every region at once when --region is left out");
            }
        }
        return new ExportFiles(kinds);
    }

    public Optional<Path> services() {
        return Optional.ofNullable(kinds.get(Kind.SERVICES));
    }

    public Optional<Path> jobs() {
        return Optional.ofNullable(kinds.get(Kind.JOBS));
    }

    /** The shared reader over these files. */
    public GcloudExportReader reader() {
        return new GcloudExportReader(services(), jobs(), Optional.ofNullable(kinds.get(Kind.EXECUTIONS)),
                Optional.ofNullable(kinds.get(Kind.REVISIONS)));
    }

    /** Jobs are known from a jobs export only: an execution does not say what the job's next run is built from. */
    public boolean hasJobs() {
        return kinds.containsKey(Kind.JOBS);
    }

    private static Kind kindOf(Path file) {
        Kind[] found = new Kind[1];
        JsonRecords.Layout layout;
        try {
            layout = JsonRecords.read(file, new JsonRecords.Visitor() {
                @Override
                public void record(JsonNode value, long index, long line) {
                    found[0] = kind(file, value, line);
                    throw new FirstRecordRead();
                }

                @Override
                public void malformed(long index, long line, String why) {
                    throw new RecordFileException(file, line, "not valid JSON: " + why, index);
                }
            });
        } catch (FirstRecordRead stop) {
            return found[0];
        }
        if (layout == JsonRecords.Layout.EMPTY) {
            // gcloud prints [] when there is nothing: an empty file is an export that failed
            throw OpsException.usage("--from-export " + file + " is empty: gcloud writes [] when there is nothing, so the export "
                    + "that made it failed", "run the gcloud command again and check its errors, e.g. gcloud run services list --format=json > "
                    + file);
        }
        return Kind.SERVICES;
    }

    private static Kind kind(Path file, JsonNode value, long line) {
        if (!value.isObject()) {
            throw new RecordFileException(file, line, "expected the JSON objects of `gcloud run services list --format=json`", 0);
        }
        String kind = value.path("kind").asText("");
        for (Kind k : Kind.values()) {
            if (k.recordKind.equals(kind)) {
                return k;
            }
        }
        throw new RecordFileException(file, line, (kind.isEmpty() ? "a record without `kind`" : "records of kind " + kind)
                + ": --from-export takes `gcloud run services list --format=json` output (or jobs list, jobs executions list, "
                + "revisions list)", 0);
    }

    /** Ends the read of a file once its first record told its kind. */
    private static final class FirstRecordRead extends RuntimeException {
        FirstRecordRead() {
            super(null, null, false, false);
        }
    }
}
