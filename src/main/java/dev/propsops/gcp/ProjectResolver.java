package dev.propsops.gcp;

import com.google.cloud.ServiceOptions;
import dev.propsops.cli.Invocation;
import dev.propsops.cli.OpsException;
import dev.propsops.gcp.auth.AdcSource;
import dev.propsops.gcp.auth.GcloudConfig;
import dev.propsops.gcp.auth.RunCredentials;
import java.util.Optional;

/**
 * Which Google Cloud project a run acts on: {@code --project}, else GOOGLE_CLOUD_PROJECT (or the older
 * GCLOUD_PROJECT), else {@code ops.gcp.project}, else, on an emulator, a local demo project, else the
 * project named by the credentials file, else gcloud's configured project, else (on Google Cloud) the
 * metadata server's. All of it is read from the run's environment, and only the last asks the network.
 */
public final class ProjectResolver {
    /** The project used on a local emulator when none is named; emulators accept any id. */
    public static final String EMULATOR_PROJECT = "demo-props-ops";

    private ProjectResolver() {
    }

    public static String resolve(Optional<String> flag, Optional<String> configured, Invocation invocation,
            boolean onEmulator) {
        Optional<String> project = flag
                .or(() -> invocation.env("GOOGLE_CLOUD_PROJECT"))
                .or(() -> invocation.env("GCLOUD_PROJECT"))
                .or(() -> configured.filter(p -> !p.isBlank()));
        if (project.isPresent()) {
            return validated(project.get());
        }
        if (onEmulator) {
            return EMULATOR_PROJECT;
        }
        RunCredentials credentials = RunCredentials.of(invocation);
        Optional<String> implied = credentials.projectId().or(() -> GcloudConfig.project(invocation.env()));
        if (implied.isPresent()) {
            return validated(implied.get());
        }
        if (credentials.source() instanceof AdcSource.MetadataServer) {
            String fromMetadata = ServiceOptions.getDefaultProjectId();
            if (fromMetadata != null && !fromMetadata.isBlank()) {
                return validated(fromMetadata);
            }
        }
        throw OpsException.usage("no Google Cloud project is set",
                "pass --project PROJECT or set GOOGLE_CLOUD_PROJECT (or run `gcloud config set project PROJECT`)");
    }

    private static String validated(String project) {
        // project ids: 6-30 chars of lowercase letters, digits and hyphens; legacy ids may carry a "domain:" prefix
        if (!project.matches("([a-z0-9.-]+:)?[a-z][a-z0-9-]{4,61}[a-z0-9]")) {
            throw OpsException.usage("'" + project + "' is not a valid Google Cloud project id",
                    "use the project id (lowercase letters, digits, hyphens), not its name or number");
        }
        return project;
    }
}
