package dev.propsops.repo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code ops.repo.*}: defaults of deploy-drift and repo-check. */
@ConfigMapping(prefix = "ops.repo")
public interface RepoConfig {
    /** The service map, relative to the repository root (--services). */
    @WithDefault("deployment/services.yaml")
    String servicesFile();

    /** The region deploy-drift reads Cloud Run in, unless --region or the map's entry says otherwise. */
    @WithDefault("us-west2")
    String region();

    /** The environment variable of a revision that holds the commit it was built from (--commit-env). */
    @WithDefault("BUILD_COMMIT")
    String commitEnv();
}
