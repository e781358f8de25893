package dev.propsops.audit.cloudrun.export;

import dev.propsops.audit.cloudrun.Cron;
import dev.propsops.audit.cloudrun.ScheduleSource;
import dev.propsops.cli.JsonRecords;
import dev.propsops.cli.JsonRecords.RecordFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Intervals of Cloud Run jobs from {@code schedulers.json} ({@code gcloud scheduler jobs list --format=json}):
 * every HTTP trigger whose URI ends in {@code /jobs/<job>:run} gives that job the longest gap of its cron
 * schedule. Triggers of anything else are ignored.
 */
public final class SchedulersExportFile implements ScheduleSource {
    private static final Pattern RUN_URI = Pattern.compile("/jobs/([a-z0-9-]+):run\\b");

    private final Path file;

    public SchedulersExportFile(Path file) {
        this.file = file;
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public Map<String, Duration> intervals() {
        Map<String, Duration> out = new TreeMap<>();
        JsonRecords.read(file, (n, index, line) -> {
            if (!n.isObject()) {
                throw new RecordFileException(file, line, "expected a Cloud Scheduler job object", index);
            }
            Matcher m = RUN_URI.matcher(n.path("httpTarget").path("uri").asText(""));
            if (!m.find() || !n.path("schedule").isTextual()) {
                return;
            }
            try {
                Cron.parse(n.get("schedule").asText()).longestGap().ifPresent(gap -> out.merge(m.group(1), gap,
                        (a, b) -> a.compareTo(b) <= 0 ? a : b));
            } catch (IllegalArgumentException e) {
                throw new RecordFileException(file, line, e.getMessage(), index);
            }
        });
        return out;
    }
}
