package dev.propsops.repo.conventions;

import dev.propsops.cli.Rating;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A service's Dockerfile is named {@code Dockerfile} and sits with its code; every other Dockerfile (a
 * utility: backfills, validators, one-off jobs) sits under {@code deployment/dockerfiles/<sport>/} as
 * {@code Dockerfile.<name>}. The handoff moved {@code scripts/backup/Dockerfile.odds_api_backfill} there.
 */
final class UtilityLocationRule implements Rule {
    static final String FOLDER = "deployment/dockerfiles/";

    @Override
    public String id() {
        return "utility-location";
    }

    @Override
    public String description() {
        return "utility Dockerfiles sit under deployment/dockerfiles/<sport>/ as Dockerfile.<name>";
    }

    /** Whether a Dockerfile is where the conventions put it. */
    static boolean wellPlaced(String path, RepoContext repo) {
        String name = RepoFiles.name(path);
        if (!path.startsWith(FOLDER)) {
            return name.equals("Dockerfile") && path.contains("/");
        }
        String rest = path.substring(FOLDER.length());
        int slash = rest.indexOf('/');
        if (slash < 0 || rest.indexOf('/', slash + 1) >= 0) {
            return false;
        }
        String folder = rest.substring(0, slash);
        List<String> sports = repo.files.map.map(m -> m.sports()).orElse(List.of());
        return (sports.isEmpty() || sports.contains(folder)) && (name.startsWith("Dockerfile.") || name.equals("Dockerfile"));
    }

    @Override
    public List<Finding> check(RepoContext repo) {
        List<Finding> out = new ArrayList<>();
        List<String> sports = repo.files.map.map(m -> m.sports()).orElse(List.of());
        for (String path : repo.files.dockerfiles()) {
            if (!path.contains("/") || wellPlaced(path, repo)) {
                continue; // a root Dockerfile is root-dockerfile's finding
            }
            String target = FOLDER + sport(path, sports) + "/Dockerfile." + utilityName(path);
            String why = path.startsWith(FOLDER) && path.substring(FOLDER.length()).contains("/") && !sports.isEmpty()
                    ? "its folder is not one of the map's sports (" + String.join(", ", sports) + ")"
                    : "a utility Dockerfile outside deployment/dockerfiles/<sport>/ (a service's own Dockerfile is named Dockerfile)";
            out.add(new Finding(id(), Rating.LOW, path, 1, path + ": " + why,
                    "move it to " + target + " and update the scripts and the service map that name it"));
        }
        return out;
    }

    /** "scripts/backup/Dockerfile.odds_api_backfill" -> "odds-api-backfill"; "docker/raw-processor.Dockerfile" -> "raw-processor". */
    static String utilityName(String path) {
        String n = RepoFiles.name(path);
        String lower = n.toLowerCase(Locale.ROOT);
        String core;
        if (lower.startsWith("dockerfile") && n.length() > 11) {
            core = n.substring(11);
        } else if (lower.endsWith("dockerfile") && n.length() > 11) {
            core = n.substring(0, n.length() - 11);
        } else {
            String parent = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "app";
            core = RepoFiles.name(parent);
        }
        return core.toLowerCase(Locale.ROOT).replace('_', '-').replace('.', '-');
    }

    private static String sport(String path, List<String> sports) {
        String lower = path.toLowerCase(Locale.ROOT);
        for (String s : sports.isEmpty() ? List.of("nba", "mlb") : sports) {
            if (lower.matches("(^|.*[/._-])" + java.util.regex.Pattern.quote(s.toLowerCase(Locale.ROOT)) + "([/._-].*|$)")) {
                return s;
            }
        }
        return "<sport>";
    }
}
