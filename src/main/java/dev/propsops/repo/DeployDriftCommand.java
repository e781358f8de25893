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
import dev.propsops.repo.drift.DriftChecker;
import dev.propsops.repo.drift.DriftReport;
import dev.propsops.repo.drift.DriftReportJson;
import dev.propsops.repo.drift.DriftReportText;
import dev.propsops.repo.drift.ExportFiles;
import dev.propsops.repo.drift.UnitCheck;
import dev.propsops.repo.git.GitHistory;
import dev.propsops.repo.servicemap.ServiceEntry;
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

        List<UnitCheck> units = new ArrayList<>();
        DriftChecker checker = new DriftChecker(git, tip, env, invocation.clock().instant());
        String source = files != null ? exported(invocation, files, map, defaultRegion, checker, units)
                : online(invocation, map, defaultRegion, checker, units);

        Optional<Rating> threshold = failOn.threshold(Rating.MEDIUM);
        DriftReport report = new DriftReport(source, git.location().toString(), tip, map.source(), env, invocation.clock().instant(),
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

    private String online(Invocation invocation, ServiceMap map, String defaultRegion, DriftChecker checker, List<UnitCheck> units) {
        Set<String> regions = new LinkedHashSet<>();
        regions.add(defaultRegion);
        map.entries().forEach(e -> e.region().ifPresent(regions::add));
        GcpAccess access = GcpAccess.of(project.project(), gcp, invocation);
        List<Service> deployedServices = new ArrayList<>();
        List<Job> deployedJobs = new ArrayList<>();
        for (String r : regions) {
            invocation.log().info("reading Cloud Run services and jobs of project " + access.projectId() + " in " + r);
            AdminApiReader reader = invocation.closeAtEnd(AdminApiReader.open(access, r));
            deployedServices.addAll(reader.services());
            deployedJobs.addAll(reader.jobs());
        }
        String where = "Cloud Run (project " + access.projectId() + ")";
        compare(map, defaultRegion, checker, units, deployedServices, true, deployedJobs, true, where);
        return "Cloud Run Admin API (project " + access.projectId() + ", region" + (regions.size() > 1 ? "s " : " ")
                + String.join(", ", regions) + ")";
    }

    private String exported(Invocation invocation, ExportFiles files, ServiceMap map, String defaultRegion, DriftChecker checker,
            List<UnitCheck> units) {
        var reader = files.reader();
        List<Service> deployedServices = files.services().isPresent() ? reader.services() : List.of();
        List<Job> deployedJobs = files.hasJobs() ? reader.jobs() : List.of();
        compare(map, defaultRegion, checker, units, deployedServices, files.services().isPresent(), deployedJobs, files.hasJobs(),
                "the export");
        List<String> names = new ArrayList<>();
        files.kinds().values().forEach(p -> names.add(p.toString()));
        return "gcloud export " + String.join(", ", names);
    }

    private static void compare(ServiceMap map, String defaultRegion, DriftChecker checker, List<UnitCheck> units,
            List<Service> services, boolean servicesRead, List<Job> jobs, boolean jobsRead, String where) {
        Set<String> matched = new LinkedHashSet<>();
        for (ServiceEntry e : map.entries()) {
            String wanted = e.region().orElse(defaultRegion);
            if (e.kind() == ServiceEntry.Kind.SERVICE) {
                if (!servicesRead) {
                    units.add(DriftChecker.notChecked(e, wanted, "not checked: the export has no services",
                            "add `gcloud run services list --format=json` output to --from-export"));
                    continue;
                }
                Optional<Service> s = pick(services.stream().filter(x -> x.name().equals(e.name())).toList(), e, defaultRegion, Service::region);
                s.ifPresentOrElse(x -> {
                    matched.add("service/" + x.region() + "/" + x.name());
                    units.add(checker.service(e, x));
                }, () -> units.add(DriftChecker.notDeployed(e, wanted, where)));
            } else {
                if (!jobsRead) {
                    units.add(DriftChecker.notChecked(e, wanted, "not checked: the export has no jobs",
                            "add `gcloud run jobs list --format=json` output to --from-export"));
                    continue;
                }
                Optional<Job> j = pick(jobs.stream().filter(x -> x.name().equals(e.name())).toList(), e, defaultRegion, Job::region);
                j.ifPresentOrElse(x -> {
                    matched.add("job/" + x.region() + "/" + x.name());
                    units.add(checker.job(e, x));
                }, () -> units.add(DriftChecker.notDeployed(e, wanted, where)));
            }
        }
        for (Service s : services) {
            if (!matched.contains("service/" + s.region() + "/" + s.name()) && map.find(s.name(), ServiceEntry.Kind.SERVICE).isEmpty()) {
                units.add(DriftChecker.notInMap(s.name(), ServiceEntry.Kind.SERVICE, s.region(), map.source()));
            }
        }
        for (Job j : jobs) {
            if (!matched.contains("job/" + j.region() + "/" + j.name()) && map.find(j.name(), ServiceEntry.Kind.JOB).isEmpty()) {
                units.add(DriftChecker.notInMap(j.name(), ServiceEntry.Kind.JOB, j.region(), map.source()));
            }
        }
    }

    /** The deployed unit of an entry: in its own region when it names one, else preferably in the default region. */
    private static <T> Optional<T> pick(List<T> candidates, ServiceEntry e, String defaultRegion, java.util.function.Function<T, String> region) {
        if (e.region().isPresent()) {
            return candidates.stream().filter(c -> region.apply(c).isEmpty() || region.apply(c).equals(e.region().get())).findFirst();
        }
        return candidates.stream().filter(c -> region.apply(c).equals(defaultRegion)).findFirst().or(() -> candidates.stream().findFirst());
    }
}
