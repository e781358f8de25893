package dev.propsops.audit.cloudrun;

import dev.propsops.audit.AuditCheck;
import dev.propsops.audit.AuditContext;
import dev.propsops.audit.CheckResult;
import dev.propsops.audit.CheckSkipped;
import dev.propsops.audit.Finding;
import dev.propsops.cli.DurationConverter;
import dev.propsops.cli.ErrorExplainer;
import dev.propsops.cli.Rating;
import dev.propsops.cloudrun.CloudRunReader;
import dev.propsops.cloudrun.Execution;
import dev.propsops.cloudrun.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Cloud Run jobs: a job whose latest execution failed is HIGH, with the execution and the log filter that
 * shows it; a scheduled job with no execution within twice its interval is MEDIUM. The interval of a job
 * comes from {@code ops.audit.job-intervals."<job>"} (shipped for props-ops' own jobs, from their trigger
 * files), else from the export's schedulers.json; a job with neither is listed in the notes, not judged.
 */
public final class JobsCheck implements AuditCheck {
    public static final String ID = "cloud-run-jobs";

    private final Map<String, Duration> configured;

    public JobsCheck(Map<String, Duration> configured) {
        this.configured = Map.copyOf(configured);
    }

    /** 10d, 30h, 45m: days from two days on, hours from two hours on. */
    static String age(Duration d) {
        if (d.toHours() >= 48) {
            return d.toDays() + "d";
        }
        return d.toMinutes() >= 120 ? d.toHours() + "h" : d.toMinutes() + "m";
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Cloud Run jobs";
    }

    @Override
    public CheckResult run(AuditContext context) {
        CloudRunReader reader = context.sources().jobs();
        List<Job> jobs = reader.jobs();
        List<String> notes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Duration> intervals = new HashMap<>();
        ScheduleSource schedules = ScheduleSource.NONE;
        try {
            schedules = context.sources().schedules();
            intervals.putAll(schedules.intervals());
        } catch (CheckSkipped e) {
            notes.add("schedules: " + e.reason());
        } catch (RuntimeException e) {
            problems.add("schedules: " + ErrorExplainer.explain(e).message());
        }
        intervals.putAll(configured);
        String project = context.project().orElse("PROJECT");
        List<Finding> findings = new ArrayList<>();
        TreeSet<String> unscheduled = new TreeSet<>();
        for (Job job : jobs) {
            Optional<Execution> latest = job.latestExecution();
            String region = job.region().isBlank() ? context.region() : job.region();
            if (latest.isPresent() && latest.get().status() == Execution.Status.FAILED) {
                Execution e = latest.get();
                String filter = "resource.type=\"cloud_run_job\" AND resource.labels.job_name=\"" + job.name()
                        + "\" AND labels.\"run.googleapis.com/execution_name\"=\"" + e.name() + "\"";
                Finding.Builder f = Finding.of(Rating.HIGH, ID, job.name(), job.name() + ": latest execution " + e.name() + " failed")
                        .evidence("started " + e.createTime().map(Instant::toString).orElse("(unknown)")
                                + e.completionTime().map(t -> ", ended " + t).orElse(""));
                if (!e.message().isBlank()) {
                    f.evidence(e.message());
                }
                findings.add(f.evidence("log filter: " + filter)
                        .next("gcloud logging read '" + filter + "' --project " + project + " --limit 50")
                        .fact("job", job.name()).fact("execution", e.name()).fact("log_filter", filter).build());
            }
            Duration interval = intervals.get(job.name());
            if (interval == null) {
                unscheduled.add(job.name());
                continue;
            }
            Optional<Instant> last = latest.flatMap(Execution::createTime);
            Duration allowed = interval.multipliedBy(2);
            if (last.isEmpty() || Duration.between(last.get(), context.now()).compareTo(allowed) > 0) {
                String age = last.map(t -> "for " + age(Duration.between(t, context.now()))).orElse("(no execution on record)");
                findings.add(Finding.of(Rating.MEDIUM, ID, job.name(), job.name() + ": no execution " + age
                                + ", scheduled every " + DurationConverter.format(interval))
                        .evidence("latest execution: " + latest.map(e -> e.name() + " created " + e.createTime().map(Instant::toString)
                                .orElse("(unknown)")).orElse("none"))
                        .evidence("expected one within twice its interval (" + DurationConverter.format(allowed) + ")")
                        .next("gcloud scheduler jobs list --location " + region + " --project " + project
                                + " (is its trigger paused or failing?); run it now: gcloud run jobs execute " + job.name()
                                + " --region " + region)
                        .fact("job", job.name()).fact("interval_seconds", interval.toSeconds())
                        .fact("last_execution", last.map(Instant::toString).orElse(null)).build());
            }
        }
        if (!unscheduled.isEmpty()) {
            notes.add("no known schedule, so not checked for missed runs: " + String.join(", ", unscheduled)
                    + " (set ops.audit.job-intervals.\"<job>\"=26h, or add schedulers.json to the export)");
        }
        notes.add(jobs.size() + " job(s) read; schedules from the configuration and " + schedules.describe());
        return CheckResult.ran(this, reader.describe(), findings, notes, problems);
    }
}
