package dev.propsops.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --project}: the Google Cloud project, else GOOGLE_CLOUD_PROJECT, else the ADC's project. */
public class ProjectOptions {
    @Option(names = "--project", paramLabel = "PROJECT",
            description = "Google Cloud project id (default: $GOOGLE_CLOUD_PROJECT, then the project of the "
                    + "Application Default Credentials).")
    String project;

    public Optional<String> project() {
        return Optional.ofNullable(project).filter(p -> !p.isBlank());
    }
}
