package dev.propsops.repo.conventions;

import dev.propsops.repo.git.WorkTreeFiles;
import dev.propsops.repo.servicemap.ServiceMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The repository as the rules see it: its files (what git does not ignore), their text on demand, which
 * of them are Dockerfiles and which are scripts or CI files, and the service map if there is one.
 */
final class RepoFiles {
    /** Files larger than this are not read (no script or Dockerfile is this large). */
    static final long MAX_READ = 2L << 20;
    private static final Pattern CI_YAML = Pattern.compile(
            "(\\.github/workflows/[^/]+|\\.gitlab-ci|(.*/)?cloudbuild[^/]*|(.*/)?[^/]*\\.cloudbuild|\\.circleci/[^/]+|"
                    + "azure-pipelines[^/]*|bitbucket-pipelines|\\.buildkite/[^/]+|(.*/)?\\.?ci/[^/]+)\\.ya?ml");

    /** Extensions of files that mention Dockerfiles in their name but are code, docs or data (Dockerfile.java, dockerfile_test.go). */
    private static final Set<String> NOT_DOCKERFILES = Set.of("md", "txt", "rst", "adoc", "html", "json", "yaml", "yml", "toml", "xml",
            "java", "class", "kt", "scala", "groovy", "py", "pyc", "go", "js", "mjs", "ts", "rb", "rs", "c", "h", "cpp", "cs", "php",
            "sh", "bash", "ps1", "bat", "jar", "zip", "gz", "tgz", "png", "svg", "orig", "rej", "swp", "snap", "tmpl", "j2", "template");

    enum ScriptType {
        SHELL,
        YAML,
        MAKE
    }

    record Script(String path, ScriptType type) {
    }

    final Path root;
    final List<String> files;
    final Optional<ServiceMap> map;
    /** The service map's file, as findings name it. */
    final String mapFile;
    private final Set<String> fileSet;
    private final Set<String> dirs = new LinkedHashSet<>();
    private final Map<String, Optional<String>> texts = new HashMap<>();

    RepoFiles(Path root, List<String> files, Optional<ServiceMap> map, String mapFile) {
        this.root = root;
        this.files = List.copyOf(files);
        this.fileSet = new LinkedHashSet<>(files);
        this.map = map;
        this.mapFile = mapFile;
        for (String f : files) {
            for (int i = f.indexOf('/'); i >= 0; i = f.indexOf('/', i + 1)) {
                dirs.add(f.substring(0, i));
            }
        }
    }

    static RepoFiles of(WorkTreeFiles tree, Optional<ServiceMap> map, String mapFile) {
        return new RepoFiles(tree.root(), tree.files(), map, mapFile);
    }

    /** Whether a repository path (file or folder; "" or "." is the root) exists, in the listing or on disk. */
    boolean exists(String path) {
        String p = clean(path);
        return p.isEmpty() || fileSet.contains(p) || dirs.contains(p) || Files.exists(root.resolve(p));
    }

    boolean isDirectory(String path) {
        String p = clean(path);
        return p.isEmpty() || dirs.contains(p) || Files.isDirectory(root.resolve(p));
    }

    boolean isFile(String path) {
        String p = clean(path);
        return fileSet.contains(p) || !p.isEmpty() && Files.isRegularFile(root.resolve(p));
    }

    /** Files and folders matching a pattern where {@code *} stands for any text (a variable's value), "/" included. */
    List<String> glob(String pattern) {
        String p = pattern.startsWith("*/") ? pattern.substring(2) : pattern;
        // a leading "*/" is any folder, the root included: "$root/deployment/x" matches deployment/x
        String re0 = Pattern.quote(p.contains("*") ? p : clean(p)).replace("*", "\\E.*\\Q");
        Pattern re = Pattern.compile(pattern.startsWith("*/") ? "(?:.*/)?" + re0 : re0);
        List<String> out = new ArrayList<>();
        for (String f : fileSet) {
            if (re.matcher(f).matches()) {
                out.add(f);
            }
        }
        for (String d : dirs) {
            if (re.matcher(d).matches()) {
                out.add(d);
            }
        }
        return out;
    }

    /** The text of a repository file, if it is there and not too large. */
    Optional<String> read(String path) {
        return texts.computeIfAbsent(clean(path), p -> {
            Path file = root.resolve(p);
            try {
                if (!Files.isRegularFile(file) || Files.size(file) > MAX_READ) {
                    return Optional.empty();
                }
                return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException | java.io.UncheckedIOException e) {
                return Optional.empty();
            }
        });
    }

    boolean ignored(String path) {
        return map.map(m -> m.ignored(path)).orElse(false);
    }

    /** The Dockerfiles the rules check (ignored paths left out). */
    List<String> dockerfiles() {
        return files.stream().filter(RepoFiles::isDockerfileName).filter(f -> !ignored(f)).toList();
    }

    /** Shell scripts, CI files and Makefiles, whose build and deploy commands are checked. */
    List<Script> scripts() {
        List<Script> out = new ArrayList<>();
        for (String f : files) {
            if (ignored(f)) {
                continue;
            }
            String name = name(f);
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".sh") || lower.endsWith(".bash") || lower.endsWith(".zsh")) {
                out.add(new Script(f, ScriptType.SHELL));
            } else if (CI_YAML.matcher(f).matches()) {
                out.add(new Script(f, ScriptType.YAML));
            } else if (name.equals("Makefile") || name.equals("makefile") || name.equals("GNUmakefile") || lower.endsWith(".mk")) {
                out.add(new Script(f, ScriptType.MAKE));
            } else if (!name.contains(".") && hasShellShebang(f)) {
                out.add(new Script(f, ScriptType.SHELL));
            }
        }
        return out;
    }

    private boolean hasShellShebang(String f) {
        Path p = root.resolve(f);
        try {
            if (!Files.isRegularFile(p) || Files.size(p) > MAX_READ) {
                return false;
            }
            try (var in = Files.newInputStream(p)) {
                byte[] head = in.readNBytes(128);
                String first = new String(head, StandardCharsets.UTF_8).lines().findFirst().orElse("");
                return first.startsWith("#!") && Pattern.compile("\\b(ba|z|da|k)?sh\\b").matcher(first).find();
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** Dockerfile, Dockerfile.worker, worker.Dockerfile, Dockerfile-dev (any case; not .dockerignore or docs). */
    static boolean isDockerfileName(String path) {
        String n = name(path).toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        if (dot > 0 && NOT_DOCKERFILES.contains(n.substring(dot + 1))) {
            return false;
        }
        return n.equals("dockerfile") || n.matches("dockerfile[._-].+") || n.matches(".+[._-]dockerfile");
    }

    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** "a/./b/../c/" -> "a/c"; "" for the root; a path climbing above the root keeps its "..". */
    static String clean(String path) {
        List<String> parts = new ArrayList<>();
        for (String s : path.replace('\\', '/').split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..") && !parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                parts.remove(parts.size() - 1);
            } else {
                parts.add(s);
            }
        }
        return String.join("/", parts);
    }
}
