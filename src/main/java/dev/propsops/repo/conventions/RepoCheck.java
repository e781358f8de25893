package dev.propsops.repo.conventions;

import dev.propsops.repo.git.WorkTreeFiles;
import dev.propsops.repo.servicemap.ServiceMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Runs every convention rule over a repository. */
public final class RepoCheck {
    static final List<Rule> RULES = List.of(new RootDockerfileRule(), new DuplicateDockerfileRule(), new ServiceDockerfileRule(),
            new UtilityLocationRule(), new RuntimeSelectionRule(), new FileReferenceRule(), new SourceDeployRule(),
            new BuildContextRule());

    private RepoCheck() {
    }

    /**
     * The findings of every rule on {@code tree}, with the service map if the repository has one
     * ({@code mapFile} names it in findings, relative to the root when it is inside).
     */
    public static RepoCheckReport run(WorkTreeFiles tree, Optional<ServiceMap> map, String mapFile) {
        RepoContext repo = new RepoContext(RepoFiles.of(tree, map, mapFile));
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : RULES) {
            findings.addAll(rule.check(repo));
        }
        repo.scripts.forEach(s -> s.unreadable().ifPresent(findings::add));
        findings.sort(Comparator.comparing(Finding::rating).reversed().thenComparing(Finding::file).thenComparingInt(Finding::line)
                .thenComparing(Finding::rule));
        List<RepoCheckReport.RuleInfo> rules = RULES.stream().map(r -> new RepoCheckReport.RuleInfo(r.id(), r.description())).toList();
        return new RepoCheckReport(tree.root().toString(), tree.git(), mapFile, map.isPresent(), repo.dockerfiles.size(),
                repo.scripts.size(), map.map(m -> m.entries().size()).orElse(0), rules, findings);
    }
}
