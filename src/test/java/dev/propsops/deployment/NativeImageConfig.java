package dev.propsops.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

/**
 * What native-image would be told: the command line Quarkus writes (native-sources/native-image.args) plus the
 * configuration it reads from META-INF/native-image/** of every class-path entry (native-image.properties Args,
 * reflect-config.json, resource-config.json, jni-config.json), merged the way native-image merges them. Read without
 * GraalVM, so that a test can say what the image will and will not be able to do at run time.
 */
final class NativeImageConfig {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String META = "META-INF/native-image/";

    /** Every argument: the command line first, then each native-image.properties' Args (where it came from). */
    final List<Arg> args = new ArrayList<>();
    /** reflect-config.json entries by class name (a class may be registered by several files). */
    final Map<String, List<JsonNode>> reflection = new LinkedHashMap<>();
    final Map<String, List<JsonNode>> jni = new LinkedHashMap<>();
    final List<Pattern> resourceIncludes = new ArrayList<>();
    final List<String> bundles = new ArrayList<>();

    record Arg(String value, String origin) {
    }

    private NativeImageConfig() {
    }

    /** The configuration of a sources-only build: its native-image.args and the runner jar with its lib/ jars. */
    static NativeImageConfig ofSources(Path nativeSources) throws IOException {
        NativeImageConfig c = new NativeImageConfig();
        for (String a : Files.readString(nativeSources.resolve("native-image.args")).trim().split("\\s+")) {
            c.args.add(new Arg(a, "native-image.args"));
        }
        for (Path jar : imageClassPath(nativeSources)) {
            c.readJar(jar);
        }
        return c;
    }

    /** Our own files only, as they are on the test class path (no build needed). */
    static NativeImageConfig ofOwnFiles(String folder) throws IOException {
        NativeImageConfig c = new NativeImageConfig();
        for (String name : List.of("native-image.properties", "reflect-config.json", "resource-config.json",
                "jni-config.json")) {
            try (InputStream in = NativeImageConfig.class.getResourceAsStream("/" + META + folder + "/" + name)) {
                if (in != null) {
                    c.read(META + folder + "/" + name, in.readAllBytes(), "classpath");
                }
            }
        }
        return c;
    }

    /** The runner jar and every jar of lib/: what native-image puts on the image class path. */
    static List<Path> imageClassPath(Path nativeSources) throws IOException {
        List<Path> jars = new ArrayList<>();
        jars.add(runnerJar(nativeSources));
        try (var lib = Files.list(nativeSources.resolve("lib"))) {
            lib.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(jars::add);
        }
        return jars;
    }

    static Path runnerJar(Path nativeSources) throws IOException {
        try (var files = Files.list(nativeSources)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-runner.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no *-runner.jar in " + nativeSources));
        }
    }

    private void readJar(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> en = j.entries(); en.hasMoreElements();) {
                JarEntry e = en.nextElement();
                if (e.getName().startsWith(META) && !e.isDirectory()) {
                    try (InputStream in = j.getInputStream(e)) {
                        read(e.getName(), in.readAllBytes(), jar.getFileName().toString());
                    }
                }
            }
        }
    }

    private void read(String name, byte[] bytes, String jar) throws IOException {
        String origin = jar + "!/" + name;
        String file = name.substring(name.lastIndexOf('/') + 1);
        switch (file) {
            case "native-image.properties" -> {
                Properties p = new Properties();
                p.load(new StringReader(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
                String value = p.getProperty("Args", "").trim();
                if (!value.isEmpty()) {
                    Arrays.stream(value.split("\\s+")).forEach(a -> args.add(new Arg(a, origin)));
                }
            }
            case "reflect-config.json" -> byName(JSON.readTree(bytes), reflection);
            case "jni-config.json" -> byName(JSON.readTree(bytes), jni);
            case "resource-config.json" -> {
                JsonNode root = JSON.readTree(bytes);
                JsonNode includes = root.path("resources").isArray() ? root.path("resources")
                        : root.path("resources").path("includes");
                includes.forEach(i -> resourceIncludes.add(Pattern.compile(i.path("pattern").asText())));
                root.path("bundles").forEach(b -> bundles.add(b.path("name").asText()));
            }
            default -> {
            }
        }
    }

    private static void byName(JsonNode array, Map<String, List<JsonNode>> into) {
        array.forEach(e -> into.computeIfAbsent(e.path("name").asText(), k -> new ArrayList<>()).add(e));
    }

    // ---- questions a test asks ----

    /** Values of every {@code --name=} argument, split at commas (in command-line order, then by file). */
    List<String> values(String option) {
        List<String> out = new ArrayList<>();
        for (Arg a : args) {
            if (a.value().startsWith(option + "=")) {
                Arrays.stream(a.value().substring(option.length() + 1).split(",", -1)).map(String::trim).forEach(out::add);
            }
        }
        return out;
    }

    boolean hasArg(String exact) {
        return args.stream().anyMatch(a -> a.value().equals(exact));
    }

    /**
     * Whether a class is initialised when the binary runs rather than while the image is built. Quarkus initialises
     * everything at build time (its generated Feature calls initializeAtBuildTime("")); a class or package named by
     * --initialize-at-run-time overrides that, the most specific name winning. Where one name is given both ways, this
     * answers false: it is not certain then.
     */
    boolean initializedAtRunTime(String className) {
        String best = "";
        boolean runTime = false;
        boolean buildTimeToo = false;
        for (String kind : List.of("--initialize-at-run-time", "--initialize-at-build-time")) {
            for (String spec : values(kind)) {
                if (!spec.isEmpty() && !(className.equals(spec) || className.startsWith(spec + "."))) {
                    continue;
                }
                boolean isRun = kind.endsWith("run-time");
                if (spec.length() > best.length()) {
                    best = spec;
                    runTime = isRun;
                    buildTimeToo = !isRun;
                } else if (spec.length() == best.length()) {
                    runTime |= isRun;
                    buildTimeToo |= !isRun;
                }
            }
        }
        return runTime && !buildTimeToo;
    }

    boolean includesResource(String resource) {
        return resourceIncludes.stream().anyMatch(p -> p.matcher(resource).matches());
    }

    /** A public or declared no-argument constructor can be called by reflection (ServiceLoader, newInstance). */
    boolean constructorRegistered(String className) {
        return anyEntry(reflection, className, e -> e.path("allDeclaredConstructors").asBoolean()
                || e.path("allPublicConstructors").asBoolean() || hasMethod(e, "<init>", List.of()));
    }

    boolean methodRegistered(String className, String method, List<String> parameterTypes) {
        return anyEntry(reflection, className, e -> e.path("allDeclaredMethods").asBoolean()
                || e.path("allPublicMethods").asBoolean() || hasMethod(e, method, parameterTypes));
    }

    boolean allFieldsRegistered(String className, boolean publicOnly) {
        return anyEntry(reflection, className, e -> e.path("allDeclaredFields").asBoolean()
                || (publicOnly && e.path("allPublicFields").asBoolean()));
    }

    boolean allMethodsRegistered(String className) {
        return anyEntry(reflection, className, e -> e.path("allDeclaredMethods").asBoolean());
    }

    private static boolean anyEntry(Map<String, List<JsonNode>> map, String name, Predicate<JsonNode> test) {
        return map.getOrDefault(name, List.of()).stream().anyMatch(test);
    }

    private static boolean hasMethod(JsonNode entry, String name, List<String> parameterTypes) {
        for (JsonNode m : entry.path("methods")) {
            if (m.path("name").asText().equals(name)) {
                List<String> types = new ArrayList<>();
                m.path("parameterTypes").forEach(t -> types.add(t.asText()));
                if (types.equals(parameterTypes)) {
                    return true;
                }
            }
        }
        return false;
    }
}
