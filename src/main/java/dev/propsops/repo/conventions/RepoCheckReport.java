package dev.propsops.repo.conventions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.propsops.cli.Json;
import dev.propsops.cli.Rating;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What repo-check found, as text or one JSON document.
 *
 * @param git whether the repository was listed as a git work tree (ignored files left out) or as plain files
 */
public record RepoCheckReport(String repository, boolean git, String servicesFile, boolean mapFound, int dockerfiles, int scripts,
        int services, List<RuleInfo> rules, List<Finding> findings) {
    public RepoCheckReport {
        rules = List.copyOf(rules);
        findings = List.copyOf(findings);
    }

    public record RuleInfo(String id, String description) {
    }

    public Optional<Rating> worst() {
        return findings.stream().map(Finding::rating).max(Comparator.naturalOrder());
    }

    public ObjectNode toJson(Optional<Rating> failOn, int exitCode) {
        ObjectNode root = Json.object();
        root.put("job", "repo-check");
        root.put("repository", repository);
        root.put("git", git);
        root.put("services_file", servicesFile);
        root.put("services_file_found", mapFound);
        ObjectNode checked = root.putObject("checked");
        checked.put("dockerfiles", dockerfiles);
        checked.put("scripts", scripts);
        checked.put("services", services);
        ArrayNode r = root.putArray("rules");
        rules.forEach(x -> r.addObject().put("id", x.id()).put("description", x.description()));
        ObjectNode counts = root.putObject("counts");
        counts(findings).forEach((k, v) -> counts.put(k.key(), v));
        if (worst().isPresent()) {
            root.put("worst", worst().get().key());
        } else {
            root.putNull("worst");
        }
        if (failOn.isPresent()) {
            root.put("fail_on", failOn.get().key());
        } else {
            root.putNull("fail_on");
        }
        root.put("exit_code", exitCode);
        ArrayNode f = root.putArray("findings");
        for (Finding x : findings) {
            ObjectNode n = f.addObject();
            n.put("rule", x.rule());
            n.put("rating", x.rating().key());
            n.put("file", x.file());
            n.put("line", x.line());
            n.put("message", x.message());
            n.put("fix", x.fix());
        }
        return root;
    }

    public void render(PrintWriter out, Optional<Rating> failOn) {
        out.println("repo-check: " + repository + (git ? "" : " (not a git work tree: every file was read)"));
        out.println("  " + dockerfiles + " Dockerfile" + (dockerfiles == 1 ? "" : "s") + ", " + scripts + " script" + (scripts == 1 ? "" : "s")
                + " and CI files, " + (mapFound ? services + " services and jobs in " + servicesFile : "no service map (" + servicesFile + ")"));
        out.println();
        for (Finding f : findings) {
            out.printf("%-8s %s  [%s]%n", f.rating().label(), f.where(), f.rule());
            out.println("         " + f.message());
            out.println("         fix: " + f.fix());
        }
        if (findings.isEmpty()) {
            out.println("no findings: the repository follows every rule (" + rules.stream().map(RuleInfo::id).collect(Collectors.joining(", ")) + ")");
            return;
        }
        out.println();
        Map<Rating, Long> counts = counts(findings);
        String tally = counts.entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.<Rating, Long>comparingByKey().reversed())
                .map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", "));
        boolean fails = failOn.isPresent() && worst().map(w -> w.atLeast(failOn.get())).orElse(false);
        out.println(findings.size() + " finding" + (findings.size() == 1 ? "" : "s") + " (" + tally + ")"
                + (fails ? ": exit 3 (--fail-on " + failOn.get().key() + ")" : failOn.map(t -> ", none at or above --fail-on " + t.key()).orElse("")));
    }

    private static Map<Rating, Long> counts(List<Finding> findings) {
        Map<Rating, Long> counts = new EnumMap<>(Rating.class);
        for (Rating r : Rating.values()) {
            counts.put(r, 0L);
        }
        findings.forEach(f -> counts.merge(f.rating(), 1L, Long::sum));
        return counts;
    }
}
