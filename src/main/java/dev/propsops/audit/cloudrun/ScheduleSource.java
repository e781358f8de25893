package dev.propsops.audit.cloudrun;

import java.time.Duration;
import java.util.Map;

/**
 * How often Cloud Run jobs are scheduled, beyond {@code ops.audit.job-intervals}: online none (the Cloud
 * Scheduler API is not read), offline from {@code schedulers.json} (the schedule of each HTTP trigger whose
 * URI is a job's {@code :run}).
 */
public interface ScheduleSource {
    String describe();

    /** Interval by Cloud Run job name. */
    Map<String, Duration> intervals();

    ScheduleSource NONE = new ScheduleSource() {
        @Override
        public String describe() {
            return "no scheduler export";
        }

        @Override
        public Map<String, Duration> intervals() {
            return Map.of();
        }
    };
}
