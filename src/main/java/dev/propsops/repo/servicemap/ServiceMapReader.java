package dev.propsops.repo.servicemap;

import dev.propsops.repo.servicemap.LocatedYaml.Mapping;
import dev.propsops.repo.servicemap.LocatedYaml.Node;
import dev.propsops.repo.servicemap.LocatedYaml.Scalar;
import dev.propsops.repo.servicemap.LocatedYaml.Sequence;
import dev.propsops.repo.servicemap.LocatedYaml.YamlError;
import dev.propsops.repo.servicemap.MapProblem.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a service map and checks it against the repository it describes. Every problem is kept with its
 * line instead of stopping at the first, so one run shows everything to fix; the caller decides which
 * problems it refuses (see {@link ServiceMap#requireNo}).
 *
 * <pre>
 * ignore: [docs/archive/]            # optional: repo-check skips these paths
 * sports: [nba, mlb, platform]       # optional: the folders allowed under deployment/dockerfiles/
 * external: [props-ops-*]            # optional: Cloud Run names deployed from other repositories
 * services:
 *   - name: prediction-worker        # the Cloud Run service or job
 *     kind: service                  # service (default) | job
 *     dockerfile: predictions/worker/Dockerfile
 *     paths: [predictions/worker/, shared/]   # optional; the Dockerfile counts too
 *     region: us-west2               # optional: where it runs, when not --region
 *     commit-env: BUILD_COMMIT       # optional: its commit variable, when not --commit-env
 * </pre>
 */
public final class ServiceMapReader {
    static final Set<String> TOP_KEYS = Set.of("services", "ignore", "sports", "external");
    static final List<String> ENTRY_KEYS = List.of("name", "kind", "dockerfile", "paths", "region", "commit-env");
    private static final Pattern NAME = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern REGION = Pattern.compile("[a-z]+-[a-z]+[0-9]+");
    private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern EXTERNAL = Pattern.compile("[a-z0-9*][-a-z0-9*]*");
    private static final Pattern FOLDER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final String FIX = "correct the service map (its keys are in the README, section deploy-drift)";

    private final String source;
    private final PathLookup repo;
    private final List<MapProblem> problems = new ArrayList<>();

    private ServiceMapReader(String source, PathLookup repo) {
        this.source = source;
        this.repo = repo;
    }

    /**
     * Reads the map {@code text}, named {@code source} in messages, checking its paths with {@code repo}.
     * Never throws for a bad map: the problems are in the result.
     */
    public static ServiceMap read(String source, String text, PathLookup repo) {
        return new ServiceMapReader(source, repo).read(text);
    }

    private ServiceMap read(String text) {
        Node root;
        try {
            root = LocatedYaml.parse(text);
        } catch (YamlError e) {
            return failed(e.line(), e.getMessage());
        }
        if (root == null) {
            return failed(1, "the service map is empty: it needs a `services:` list");
        }
        if (!(root instanceof Mapping top)) {
            return failed(root.line(), "the service map must be a mapping with a `services:` list, found " + root.describe());
        }
        top.keys().values().stream().filter(k -> !TOP_KEYS.contains(k.name())).forEach(k ->
                structure(k.line(), "unknown key '" + k.name() + "' (the map's keys are services, ignore, sports)"));
        List<String> ignore = strings(top, "ignore", true);
        List<String> sports = strings(top, "sports", false);
        List<String> external = strings(top, "external", false);
        external.stream().filter(x -> !EXTERNAL.matcher(x).matches()).forEach(x ->
                structure(top.keys().get("external").line(), "external: '" + x + "' is not a Cloud Run name (* for any text)"));
        sports.stream().filter(s -> !FOLDER.matcher(s).matches()).forEach(s ->
                structure(top.keys().get("sports").line(), "sports: '" + s + "' is not a folder name"));
        List<ServiceEntry> entries = new ArrayList<>();
        Node services = top.fields().get("services");
        if (services == null) {
            structure(top.line(), "the service map has no `services:` list");
        } else if (!(services instanceof Sequence list)) {
            structure(services.line(), "`services:` must be a list of entries, found " + services.describe());
        } else {
            Map<String, Integer> seen = new HashMap<>();
            for (Node item : list.items()) {
                entry(item).ifPresent(e -> {
                    Integer first = seen.putIfAbsent(e.kind().key() + " " + e.name(), e.line());
                    if (first != null) {
                        structure(e.line(), e.describe() + " is listed twice (first on line " + first + ")");
                    } else {
                        entries.add(e);
                    }
                });
            }
        }
        return new ServiceMap(source, entries, ignore, sports, external, problems);
    }

    private ServiceMap failed(int line, String message) {
        structure(line, message);
        return new ServiceMap(source, List.of(), List.of(), List.of(), List.of(), problems);
    }

    private Optional<ServiceEntry> entry(Node item) {
        if (!(item instanceof Mapping m)) {
            structure(item.line(), "an entry of `services:` must be a mapping (name, kind, dockerfile, paths), found " + item.describe());
            return Optional.empty();
        }
        m.keys().values().stream().filter(k -> !ENTRY_KEYS.contains(k.name())).forEach(k ->
                structure(k.line(), "unknown key '" + k.name() + "' (an entry's keys are " + String.join(", ", ENTRY_KEYS) + ")"));
        Optional<String> name = text(m, "name");
        if (name.isEmpty()) {
            if (!m.fields().containsKey("name") || m.fields().get("name") instanceof Scalar s && s.text() == null) {
                structure(m.line(), "an entry without `name:` (the Cloud Run service or job name)");
            }
            return Optional.empty();
        }
        int line = m.line();
        if (!NAME.matcher(name.get()).matches()) {
            structure(m.keys().get("name").line(), "name '" + name.get() + "' is not a Cloud Run name (lower-case letters, digits "
                    + "and hyphens, starting with a letter, at most 63 characters)");
        }
        ServiceEntry.Kind kind = ServiceEntry.Kind.SERVICE;
        Optional<String> k = text(m, "kind");
        if (k.isPresent()) {
            switch (k.get()) {
                case "service" -> kind = ServiceEntry.Kind.SERVICE;
                case "job" -> kind = ServiceEntry.Kind.JOB;
                default -> structure(m.keys().get("kind").line(), "kind '" + k.get() + "' of " + name.get() + " is neither service nor job");
            }
        }
        String who = kind.key() + " " + name.get();
        Optional<String> dockerfile = dockerfile(m, who);
        List<String> paths = new ArrayList<>();
        if (m.fields().containsKey("paths")) {
            Node p = m.fields().get("paths");
            List<Node> items = p instanceof Sequence s ? s.items() : List.of(p);
            for (Node n : items) {
                if (!(n instanceof Scalar s) || !s.isString() || s.text().isBlank()) {
                    structure(n.line(), "paths of " + who + ": each path is a string, found " + n.describe());
                    continue;
                }
                Optional<String> path = path(s, "paths of " + who);
                path.ifPresent(x -> {
                    paths.add(x);
                    PathLookup.Type type = repo.type(strip(x));
                    if (type == PathLookup.Type.NONE) {
                        problems.add(new MapProblem(Kind.PATH, s.line(), "path " + x + " of " + who + " does not exist in the repository",
                                "correct the path, or remove it from the map"));
                    } else if (x.endsWith("/") && type != PathLookup.Type.DIRECTORY) {
                        problems.add(new MapProblem(Kind.PATH, s.line(), "path " + x + " of " + who + " ends with / but is a file",
                                "write it without the trailing /"));
                    }
                });
            }
        } else {
            // a service Dockerfile sits with its code: by default its folder is the service's source
            dockerfile.ifPresent(d -> {
                int slash = d.lastIndexOf('/');
                if (d.endsWith("/Dockerfile") && slash > 0) {
                    paths.add(d.substring(0, slash + 1));
                }
            });
        }
        Optional<String> region = text(m, "region");
        region.filter(r -> !REGION.matcher(r).matches()).ifPresent(r ->
                structure(m.keys().get("region").line(), "region '" + r + "' of " + who + " is not a Cloud Run region (e.g. us-west2)"));
        Optional<String> commitEnv = text(m, "commit-env");
        commitEnv.filter(c -> !ENV.matcher(c).matches()).ifPresent(c ->
                structure(m.keys().get("commit-env").line(), "commit-env '" + c + "' of " + who + " is not an environment variable name"));
        return Optional.of(new ServiceEntry(name.get(), kind, dockerfile, paths, region, commitEnv, line));
    }

    private Optional<String> dockerfile(Mapping m, String who) {
        Node d = m.fields().get("dockerfile");
        String fix = "give " + who + " exactly one Dockerfile (`dockerfile: path/to/Dockerfile`), and create it if it is missing";
        if (d == null || d instanceof Scalar s && s.text() == null) {
            problems.add(new MapProblem(Kind.DOCKERFILE, d == null ? m.line() : d.line(), who + " names no Dockerfile", fix));
            return Optional.empty();
        }
        if (d instanceof Sequence s) {
            problems.add(new MapProblem(Kind.DOCKERFILE, d.line(), who + " names " + s.items().size()
                    + " Dockerfiles; a service or job is built by exactly one", fix));
            return Optional.empty();
        }
        if (!(d instanceof Scalar s) || !s.isString()) {
            structure(d.line(), "dockerfile of " + who + " must be a path, found " + d.describe());
            return Optional.empty();
        }
        Optional<String> path = path(s, "dockerfile of " + who);
        path.ifPresent(p -> {
            PathLookup.Type type = repo.type(p);
            if (type == PathLookup.Type.NONE) {
                problems.add(new MapProblem(Kind.DOCKERFILE, s.line(), "the Dockerfile of " + who + ", " + p + ", does not exist", fix));
            } else if (type == PathLookup.Type.DIRECTORY) {
                problems.add(new MapProblem(Kind.DOCKERFILE, s.line(), "the Dockerfile of " + who + ", " + p + ", is a directory", fix));
            }
        });
        return path;
    }

    /** A repository-relative path as written, normalised ("./a//b/" -> "a/b/"); empty (and a problem) when invalid. */
    private Optional<String> path(Scalar s, String what) {
        String raw = s.text().trim();
        String p = raw.replaceAll("/{2,}", "/");
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        if (p.isEmpty() || p.equals("/")) {
            p = ".";
        }
        if (p.startsWith("/") || p.contains("\\") || List.of(p.split("/")).contains("..")) {
            structure(s.line(), what + ": '" + raw + "' must be relative to the repository root, without .. or \\");
            return Optional.empty();
        }
        return Optional.of(p);
    }

    /** A path without its trailing slash, as lookups take it. */
    static String strip(String path) {
        return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    }

    private Optional<String> text(Mapping m, String key) {
        Node n = m.fields().get(key);
        if (n == null || n instanceof Scalar s && s.text() == null) {
            return Optional.empty();
        }
        if (n instanceof Scalar s && !s.text().isBlank()) {
            return Optional.of(s.text().trim());
        }
        structure(n.line(), key + " must be a single value, found " + n.describe());
        return Optional.empty();
    }

    private List<String> strings(Mapping m, String key, boolean paths) {
        Node n = m.fields().get(key);
        List<String> out = new ArrayList<>();
        if (n == null || n instanceof Scalar s && s.text() == null) {
            return out;
        }
        List<Node> items = n instanceof Sequence s ? s.items() : List.of(n);
        for (Node item : items) {
            if (item instanceof Scalar s && s.text() != null && !s.text().isBlank()) {
                if (paths) {
                    path(s, key).ifPresent(out::add);
                } else {
                    out.add(s.text().trim());
                }
            } else {
                structure(item.line(), key + ": each item is a string, found " + item.describe());
            }
        }
        return out;
    }

    private void structure(int line, String message) {
        problems.add(new MapProblem(Kind.STRUCTURE, line, message, FIX));
    }
}
