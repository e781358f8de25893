package dev.propsops.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The native image's configuration. No machine here can run native-image, so this checks what can be checked
 * without it: our own files (always), and, when {@code props-ops.native-sources} points at the output of
 * {@code ./mvnw package -DskipTests -Dnative -Dquarkus.native.sources-only=true} (as .ci/run does), the exact
 * arguments and configuration native-image would get, against the jars that would go into the image.
 */
class NativeConfigTest {
    private static final String FOLDER = "dev.propsops/props-ops";
    private static final String CONFIG = "/META-INF/native-image/" + FOLDER + "/jni-config.json";
    private static final List<String> GRPC_SERVICES = List.of("io.grpc.ManagedChannelProvider",
            "io.grpc.NameResolverProvider", "io.grpc.LoadBalancerProvider");

    @Test
    void jniConfigCoversEveryDuckDbClassOfTheDriverOnTheClasspath() throws Exception {
        Set<String> registered = new HashSet<>();
        try (InputStream in = NativeConfigTest.class.getResourceAsStream(CONFIG)) {
            assertThat(in).as(CONFIG).isNotNull();
            for (JsonNode entry : new ObjectMapper().readTree(in)) {
                registered.add(entry.path("name").asText());
            }
        }
        URL driver = org.duckdb.DuckDBDriver.class.getResource("DuckDBDriver.class");
        Set<String> driverClasses = new HashSet<>();
        try (JarFile jar = ((JarURLConnection) driver.openConnection()).getJarFile()) {
            jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("org/duckdb/") && n.endsWith(".class"))
                    .forEach(n -> driverClasses.add(n.substring(0, n.length() - 6).replace('/', '.')));
            assertThat(jar.getEntry("libduckdb_java.so_linux_amd64")).as("the Linux JNI library the image includes").isNotNull();
        }
        assertThat(driverClasses).isNotEmpty();
        assertThat(registered).as("add the driver's missing classes to " + CONFIG + " (same entry shape as the others)")
                .containsAll(driverClasses);
        assertThat(registered).contains("java.lang.String", "java.math.BigDecimal", "java.util.UUID", "java.nio.ByteBuffer");
    }

    @Test
    void theNativeImageIncludesTheResourcesItNeedsAndSpeaksHttps() throws Exception {
        Properties p = new Properties();
        try (InputStream in = NativeConfigTest.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        assertThat(p.getProperty("quarkus.native.resources.includes"))
                .contains("props-ops-build.properties", "libduckdb_java.so_linux_amd64");
        assertThat(p.getProperty("quarkus.ssl.native")).as("quarkus.ssl.native (the https URL handler)").isEqualTo("true");
    }

    @Test
    void ourOwnFilesRegisterWhatGrpcCannotWorkWithout() throws Exception {
        NativeImageConfig own = NativeImageConfig.ofOwnFiles(FOLDER);
        for (String service : GRPC_SERVICES) {
            assertThat(own.includesResource("META-INF/services/" + service)).as(service).isTrue();
        }
        // the transport, the resolver of dns:/// targets and the default policy: every gRPC client needs these three
        assertThat(own.constructorRegistered("io.grpc.netty.shaded.io.grpc.netty.NettyChannelProvider")).isTrue();
        assertThat(own.constructorRegistered("io.grpc.internal.DnsNameResolverProvider")).isTrue();
        assertThat(own.constructorRegistered("io.grpc.internal.PickFirstLoadBalancerProvider")).isTrue();
        assertThat(own.initializedAtRunTime("org.duckdb.DuckDBNative")).as("org.duckdb at run time").isTrue();
        assertThat(own.initializedAtRunTime("dev.propsops.Main")).as("our own classes at build time").isFalse();
    }

    /** The sources-only native build: its arguments and the configuration native-image would read. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class SourcesOnlyBuild {
        private Path sources;
        private NativeImageConfig config;
        private List<Path> classPath;

        private static final String NOT_CHECKED = "native build settings NOT checked: run ./mvnw -B -q package "
                + "-DskipTests -Dnative -Dquarkus.native.sources-only=true, then this test with "
                + "-Dprops-ops.native-sources=target/native-sources (.ci/run does both)";

        @BeforeAll
        void sources() throws IOException {
            String dir = System.getProperty("props-ops.native-sources");
            if (dir == null || dir.isBlank()) {
                System.err.println("!!! " + NOT_CHECKED);
                return; // every test of this class is then reported skipped, with the reason
            }
            sources = Path.of(dir).toAbsolutePath();
            assertThat(sources.resolve("native-image.args")).as("the sources-only build's output").isRegularFile();
            config = NativeImageConfig.ofSources(sources);
            classPath = NativeImageConfig.imageClassPath(sources);
        }

        @BeforeEach
        void onlyWithTheSources() {
            Assumptions.assumeTrue(config != null, NOT_CHECKED);
        }

        @Test
        void httpsIsEnabledForJavaNet() {
            // Quarkus writes the URL protocols on the command line; the Google jars' own metadata also asks for
            // https, but the command line is what Quarkus controls and what this configuration promises
            List<String> commandLine = new ArrayList<>();
            config.args.stream().filter(a -> a.origin().equals("native-image.args")).map(NativeImageConfig.Arg::value)
                    .filter(a -> a.startsWith("--enable-url-protocols=")).forEach(commandLine::add);
            assertThat(commandLine).as("--enable-url-protocols on native-image.args").hasSize(1);
            assertThat(commandLine.get(0).substring("--enable-url-protocols=".length()).split(","))
                    .contains("http", "https");
        }

        @Test
        void duckDbIsInitialisedAtRunTimeWithItsLibraryAndJniRegistration() throws IOException {
            assertThat(config.initializedAtRunTime("org.duckdb.DuckDBNative")).as("org.duckdb at run time").isTrue();
            assertThat(config.includesResource("libduckdb_java.so_linux_amd64")).as("DuckDB's Linux library").isTrue();
            Path duckdb = classPath.stream().filter(p -> p.getFileName().toString().startsWith("org.duckdb.duckdb_jdbc"))
                    .findFirst().orElseThrow(() -> new AssertionError("no DuckDB driver in lib/"));
            Set<String> driverClasses = new TreeSet<>();
            try (JarFile jar = new JarFile(duckdb.toFile())) {
                assertThat(jar.getEntry("libduckdb_java.so_linux_amd64")).as("the library in " + duckdb).isNotNull();
                jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("org/duckdb/") && n.endsWith(".class"))
                        .forEach(n -> driverClasses.add(n.substring(0, n.length() - 6).replace('/', '.')));
            }
            assertThat(config.jni.keySet()).as("JNI registration of the driver in the image").containsAll(driverClasses);
        }

        @Test
        void everyGrpcProviderTheImageNamesCanBeLoaded() throws IOException {
            boolean serviceLoaderFeatureOff = config.hasArg("-H:-UseServiceLoaderFeature");
            List<String> problems = new ArrayList<>();
            for (String service : GRPC_SERVICES) {
                Map<String, String> providers = ImageClasses.serviceProviders(classPath, service);
                assertThat(providers).as("providers of " + service + " on the image class path").isNotEmpty();
                if (!serviceLoaderFeatureOff) {
                    continue; // native-image registers service providers itself then
                }
                if (!config.includesResource("META-INF/services/" + service)) {
                    problems.add("resource META-INF/services/" + service + " is not included");
                }
                // ServiceLoader stops at the first listed class it cannot instantiate: every one must be registered
                providers.forEach((provider, jar) -> {
                    if (!config.constructorRegistered(provider)) {
                        problems.add(provider + " (" + service + ", from " + jar + ") has no registered constructor");
                    }
                });
            }
            assertThat(problems).as("add them to src/main/resources/META-INF/native-image/" + FOLDER
                    + "/reflect-config.json or resource-config.json").isEmpty();
            assertThat(ImageClasses.serviceProviders(classPath, "io.grpc.ManagedChannelProvider"))
                    .containsKey("io.grpc.netty.shaded.io.grpc.netty.NettyChannelProvider");
        }

        @Test
        void theClientJarsOwnMetadataReachesNativeImage() throws IOException {
            // native-image reads META-INF/native-image/** of every class-path entry unless told to exclude some
            assertThat(config.args).noneMatch(a -> a.value().startsWith("--exclude-config"));
            String manifestClassPath;
            try (JarFile runner = new JarFile(NativeImageConfig.runnerJar(sources).toFile())) {
                manifestClassPath = runner.getManifest().getMainAttributes().getValue("Class-Path");
            }
            Set<String> onClassPath = Set.of(manifestClassPath.trim().split("\\s+"));
            List<String> missing = classPath.subList(1, classPath.size()).stream()
                    .map(p -> "lib/" + p.getFileName()).filter(p -> !onClassPath.contains(p)).toList();
            assertThat(missing).as("lib/ jars missing from the runner's Class-Path").isEmpty();
            // what the Google clients ship for GraalVM is there: gRPC/Netty and JSON client features, Firestore's
            // run-time initialisation, the auth library's reflection
            assertThat(config.values("--features")).contains("com.google.api.gax.grpc.nativeimage.GrpcNettyFeature",
                    "com.google.api.gax.nativeimage.GoogleJsonClientFeature");
            assertThat(config.initializedAtRunTime("com.google.cloud.firestore.FirestoreImpl")).isTrue();
            assertThat(config.reflection.containsKey("com.google.auth.oauth2.ServiceAccountCredentials"))
                    .as("the auth library's reflect-config").isTrue();
        }

        @Test
        void noStaticInitializerThatMustRunAtRunTimeIsRunAtBuildTime() throws IOException {
            List<String> atBuildTime = new ArrayList<>();
            for (Path jar : classPath) {
                // Quarkus's own jars: its build decides their initialisation (and registers what needs run time)
                if (jar.getFileName().toString().startsWith("io.quarkus.")) {
                    continue;
                }
                for (ImageClasses.StaticInitHazard h : ImageClasses.staticInitHazards(jar)) {
                    if (!config.initializedAtRunTime(h.className())) {
                        atBuildTime.add(h.className() + " (" + h.what() + ", " + h.jar() + ")");
                    }
                }
            }
            assertThat(atBuildTime).as("initialised at build time although their static initializer needs run time: "
                    + "add them to --initialize-at-run-time in src/main/resources/META-INF/native-image/" + FOLDER
                    + "/native-image.properties").isEmpty();
        }

        @Test
        void picocliCanReflectOnEveryCommandMixinAndConverter() throws IOException {
            ImageClasses.PicocliUse use = ImageClasses.picocliUse(NativeImageConfig.runnerJar(sources), "dev.propsops.");
            assertThat(use.commands()).contains("dev.propsops.PropsOps", "dev.propsops.drift.DriftCheckCommand");
            assertThat(use.converters()).contains("dev.propsops.cli.DurationConverter");
            assertThat(use.optionHolders()).contains("dev.propsops.cli.OutputOptions");
            List<String> missing = new ArrayList<>();
            for (String c : use.commands()) {
                if (!config.allFieldsRegistered(c, false) || !config.allMethodsRegistered(c) || !config.constructorRegistered(c)) {
                    missing.add("command " + c);
                }
            }
            for (String m : use.mixins()) {
                if (!config.allFieldsRegistered(m, false) || !config.constructorRegistered(m)) {
                    missing.add("mixin " + m);
                }
            }
            for (String h : use.optionHolders()) {
                if (!config.allFieldsRegistered(h, false) || !config.constructorRegistered(h)) {
                    missing.add("class with options " + h);
                }
            }
            for (String c : use.converters()) {
                if (!config.constructorRegistered(c)) {
                    missing.add("converter " + c);
                }
            }
            assertThat(missing).as("not registered for reflection by quarkus-picocli").isEmpty();
            // picocli converts Path options through Paths.get found by reflection (its own converter list)
            if (!use.pathOptions().isEmpty()) {
                assertThat(config.methodRegistered("java.nio.file.Paths", "get",
                        List.of("java.lang.String", "java.lang.String[]")))
                        .as("Paths.get(String, String...) for " + use.pathOptions()).isTrue();
            }
        }

        @Test
        void jgitFindsItsMessagesAndItsConfigEnums() throws IOException {
            Path jgit = classPath.stream().filter(p -> p.getFileName().toString().startsWith("org.eclipse.jgit.org.eclipse.jgit-"))
                    .findFirst().orElseThrow(() -> new AssertionError("no JGit in lib/"));
            assertThat(config.initializedAtRunTime("org.eclipse.jgit.lib.internal.WorkQueue")).isTrue();
            assertThat(config.bundles).contains("org.eclipse.jgit.internal.JGitText");
            assertThat(config.constructorRegistered("org.eclipse.jgit.internal.JGitText")).isTrue();
            assertThat(config.allFieldsRegistered("org.eclipse.jgit.internal.JGitText", true)).isTrue();
            Map<String, List<String>> scan = ImageClasses.jgitConfigEnums(jgit);
            assertThat(scan.get("unresolved")).as("getEnum call sites whose default is not a constant").isEmpty();
            assertThat(scan.get("enums")).contains("org.eclipse.jgit.lib.CoreConfig$AutoCRLF");
            List<String> missing = scan.get("enums").stream()
                    .filter(e -> !config.methodRegistered(e, "values", List.of())).collect(Collectors.toList());
            assertThat(missing).as("enums JGit reads from git config by reflection, not registered").isEmpty();
        }
    }
}
