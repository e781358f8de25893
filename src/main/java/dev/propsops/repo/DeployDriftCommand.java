package dev.propsops.repo;

import dev.propsops.cli.Invocation;
import dev.propsops.cli.Json;
import dev.propsops.cli.OpsCommand;
import dev.propsops.cli.OpsException;
import dev.propsops.cli.OutputOptions;
import dev.propsops.cli.ProjectOptions;
import dev.propsops.cli.Rating;
import dev.propsops.cli.RatingFailOnOptions;
import dev.propsops.cloudrun.Job;
import dev.propsops.cloudrun.Service;
import dev.propsops.cloudrun.admin.AdminApiReader;
import dev.propsops.gcp.GcpAccess;
import dev.propsops.gcp.GcpConfig;
import dev.propsops.repo.drift.Deployed;
import dev.propsops.repo.drift.DriftChecker;
import dev.propsops.repo.drift.DriftReport;
import dev.propsops.repo.drift.DriftReportJson;
import dev.propsops.repo.drift.DriftReportText;
import dev.propsops.repo.drift.ExportFiles;
import dev.propsops.repo.drift.UnitCheck;
import dev.propsops.repo.git.GitHistory;
import dev.propsops.repo.servicemap.ServiceMap;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code props-ops deploy-drift}: the commit each Cloud Run service and job runs, against the branch's latest change to its sources. */
@Command(name = "deploy-drift", sortOptions = false,
        description = "Compare the commit each Cloud Run service (every revision serving traffic) and job runs with the latest "
                + "commit touching its sources on a branch of a git repository: current, behind, unknown (not in the "
                + "repository), or cannot tell. Read-only; needs roles/run.viewer, or no Google Cloud at all with --from-export.")
public class DeployDriftCommand extends OpsCommand {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern REGION = Pattern.compile("[a-z]+-[a-z]+[0-9]+");

    @Option(names = "--repo", paramLabel = "DIR", required = true,
            description = "The platform's git repository: a clone (any folder inside it) or a bare clone. Needs its full history, not a shallow clone.")
    Path repo;

    @Option(names = "--branch", paramLabel = "REF",
            description = "The branch (or tag, remote branch, commit) deployments are compared with. Default: the checked-out HEAD.")
    String branch;

    @Option(names = "--services", paramLabel = "FILE",
            description = "The service map. Default: deployment/services.yaml of the repository (of the branch, for a bare clone or with --branch).")
    Path services;

    @Option(names = "--from-export", paramLabel = "FILE",
            description = "Read what is deployed from gcloud's JSON instead of the Admin API (repeatable, one file of each kind): "
                    + "gcloud run services list --format=json; optionally jobs list, jobs executions list, revisions list. "
                    + "Needs no credentials.")
    List<Path> exports = new ArrayList<>();

    @Option(names = "--region", paramLabel = "REGION",
            description = "The Cloud Run region, unless the map's entry names one. Default: us-west2 (ops.repo.region).")
    String region;

    @Option(names = "--commit-env", paramLabel = "NAME",
            description = "The environment variable of a revision that holds its commit. Default: BUILD_COMMIT (ops.repo.commit-env).")
    String commitEnv;

    @Mixin
    RatingFailOnOptions failOn;

    @Mixin
    ProjectOptions project;

    @Mixin
    OutputOptions output;

    @Inject
    RepoConfig config;

    @Inject
    GcpConfig gcp;

    @Override
    protected int execute(Invocation invocation) {
        String env = commitEnv != null ? commitEnv : config.commitEnv();
        if (!ENV_NAME.matcher(env).matches()) {
            throw OpsException.usage("--commit-env '" + env + "' is not an environment variable name", "e.g. --commit-env BUILD_COMMIT");
        }
        String defaultRegion = region != null ? region : config.region();
        if (!REGION.matcher(defaultRegion).matches()) {
            throw OpsException.usage("--region '" + defaultRegion + "' is not a Cloud Run region", "e.g. --region us-west2");
        }
        ExportFiles files = exports.isEmpty() ? null : ExportFiles.classify(exports);

        GitHistory git = invocation.closeAtEnd(GitHistory.open(repo));
        if (git.shallow()) {
            throw OpsException.usage(git.location() + " is a shallow clone: its history is cut, so deployed commits would look unknown",
                    "fetch the whole history (git fetch --unshallow; in GitHub Actions: actions/checkout with fetch-depth: 0)");
        }
        GitHistory.Branch tip = git.branch(Optional.ofNullable(branch));
        ServiceMap map = serviceMap(git, tip).requireClean();

        Deployed deployed = files != null ? exported(files) : online(invocation, map, defaultRegion);
        List<UnitCheck> units = deployed.check(map, defaultRegion, new DriftChecker(git, tip, env, invocation.clock().instant()));

        Optional<Rating> threshold = failOn.threshold(Rating.MEDIUM);
        DriftReport report = new DriftReport(deployed.source(), git.location().toString(), tip, map.source(), env, invocation.clock().instant(),
                threshold, units);
        int exit = failOn.exitCodeFor(report.worst(), Rating.MEDIUM);
        if (output.json()) {
            Json.print(invocation, DriftReportJson.toJson(report, exit));
        } else {
            DriftReportText.render(report, invocation.out());
        }
        invocation.out().flush();
        return exit;
    }

    private ServiceMap serviceMap(GitHistory git, GitHistory.Branch tip) {
        Optional<Path> workTree = git.workTree();
        if (services != null) {
            return ServiceMapFiles.fromDisk(services, workTree.map(w -> ServiceMapFiles.name(services, w)).orElse(services.toString()),
                    git.paths(tip.tip()));
        }
        if (workTree.isPresent() && branch == null) {
            Path file = workTree.get().resolve(config.servicesFile());
            return ServiceMapFiles.fromDisk(file, config.servicesFile(), git.paths(tip.tip()));
        }
        return ServiceMapFiles.fromBranch(git, tip.tip(), tip.name(), config.servicesFile());
    }

    private Deployed online(Invocation invocation, ServiceMap map, String defaultRegion) {
        Set<String> regions = new LinkedHashSet<>();
        regions.add(defaultRegion);
        map.entries().forEach(e -> e.region().ifPresent(regions::add));
        GcpAccess access = GcpAccess.of(project.project(), gcp, invocation);
        List<Service> services = new ArrayList<>();
        List<Job> jobs = new ArrayList<>();
        for (String r : regions) {
            invocation.log().info("reading Cloud Run services and jobs of project " + access.projectId() + " in " + r);
            AdminApiReader reader = invocation.closeAtEnd(AdminApiReader.open(access, r));
            services.addAll(reader.services());
            jobs.addAll(reader.jobs());
        }
        return new Deployed("Cloud Run Admin API (project " + access.projectId() + ", region" + (regions.size() > 1 ? "s " : " ")
                + String.join(", ", regions) + ")", "Cloud Run (project " + access.projectId() + ")", services, true, jobs, true);
    }

    private static Deployed exported(ExportFiles files) {
        var reader = files.reader();
        List<String> names = new ArrayList<>();
        files.kinds().values().forEach(p -> names.add(p.toString()));
        return new Deployed("gcloud export " + String.join(", ", names), "the export",
                files.services().isPresent() ? reader.services() : List.of(), files.services().isPresent(),
                files.hasJobs() ? reader.jobs() : List.of(), files.hasJobs());
    }
}
