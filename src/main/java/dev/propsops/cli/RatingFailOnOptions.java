package dev.propsops.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --fail-on critical|high|medium|low|never} for the jobs that rate findings on the {@link Rating}
 * scale. Each job has its own default (log-triage and infra-audit fail on high, deploy-drift on medium), so
 * the option has none and the command passes it to {@link #threshold(Rating)}.
 */
public class RatingFailOnOptions {
    /** The levels one can fail on; never = report only. */
    public enum Level {
        critical,
        high,
        medium,
        low,
        never
    }

    @Option(names = "--fail-on", paramLabel = "critical|high|medium|low|never",
            description = "Exit 3 when a finding reaches this rating (never: report only). Default: the job's, see its section in the README.")
    Level failOn;

    /** The rating to fail at, empty for never. */
    public Optional<Rating> threshold(Rating jobDefault) {
        if (failOn == null) {
            return Optional.of(jobDefault);
        }
        return failOn == Level.never ? Optional.empty() : Optional.of(Rating.valueOf(failOn.name().toUpperCase(java.util.Locale.ROOT)));
    }

    /** {@link ExitCode#FINDINGS} when the worst finding reaches the threshold, else {@link ExitCode#OK}. */
    public int exitCodeFor(Optional<Rating> worst, Rating jobDefault) {
        Optional<Rating> t = threshold(jobDefault);
        return t.isPresent() && worst.isPresent() && worst.get().atLeast(t.get()) ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
