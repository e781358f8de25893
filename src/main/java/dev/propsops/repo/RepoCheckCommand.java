package dev.propsops.repo;

import dev.propsops.cli.Invocation;
import dev.propsops.cli.Json;
import dev.propsops.cli.OpsCommand;
import dev.propsops.cli.OutputOptions;
import dev.propsops.cli.Rating;
import dev.propsops.cli.RatingFailOnOptions;
import dev.propsops.repo.conventions.RepoCheck;
import dev.propsops.repo.conventions.RepoCheckReport;
import dev.propsops.repo.git.WorkTreeFiles;
import dev.propsops.repo.servicemap.MapProblem;
import dev.propsops.repo.servicemap.PathLookup;
import dev.propsops.repo.servicemap.ServiceMap;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code props-ops repo-check}: the handoff's Dockerfile conventions, checked on a repository. */
@Command(name = "repo-check", sortOptions = false,
        description = "Check a repository's Dockerfile conventions: none at the root, no duplicates, one per service of the "
                + "service map, utilities under deployment/dockerfiles/<sport>/, no service picked at run time from a variable, "
                + "no script naming a missing Dockerfile, no --source=. deploys, root-context builds for COPY shared/. "
                + "Every finding names the file and line and what to do. Reads files only: no Google Cloud.")
public class RepoCheckCommand extends OpsCommand {
    @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
            description = "The repository's work tree (a folder inside it stands for the whole). Default: the current folder.")
    Path repo;

    @Option(names = "--services", paramLabel = "FILE",
            description = "The service map. Default: deployment/services.yaml of the repository (a finding when there is none).")
    Path services;

    @Mixin
    RatingFailOnOptions failOn;

    @Mixin
    OutputOptions output;

    @Inject
    RepoConfig config;

    @Override
    protected int execute(Invocation invocation) {
        WorkTreeFiles tree = WorkTreeFiles.of(repo);
        Path root = tree.root();
        PathLookup disk = PathLookup.directory(root);
        Optional<ServiceMap> map;
        String mapName;
        if (services != null) {
            mapName = ServiceMapFiles.name(services, root);
            map = Optional.of(ServiceMapFiles.fromDisk(services, mapName, disk));
        } else {
            mapName = config.servicesFile();
            Path file = root.resolve(mapName);
            map = Files.isRegularFile(file) ? Optional.of(ServiceMapFiles.fromDisk(file, mapName, disk)) : Optional.empty();
        }
        // a map that cannot be read is a usage error; its Dockerfile problems are findings, which is this job's point
        map.ifPresent(m -> m.requireNo(p -> p.kind() != MapProblem.Kind.DOCKERFILE));

        RepoCheckReport report = RepoCheck.run(tree, map, mapName);
        Optional<Rating> threshold = failOn.threshold(Rating.LOW);
        int exit = failOn.exitCodeFor(report.worst(), Rating.LOW);
        if (output.json()) {
            Json.print(invocation, report.toJson(threshold, exit));
        } else {
            report.render(invocation.out(), threshold);
        }
        invocation.out().flush();
        return exit;
    }
}
