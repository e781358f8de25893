package dev.propsops.repo.servicemap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.propsops.cli.ExitCode;
import dev.propsops.cli.OpsException;
import dev.propsops.repo.servicemap.MapProblem.Kind;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The service map: every key, the defaults, and each kind of mistake with its line. */
class ServiceMapReaderTest {
    /** A repository with a worker, a shared folder and a utility Dockerfile. */
    static final PathLookup REPO = path -> switch (path) {
        case ".", "predictions", "predictions/worker", "shared", "deployment", "deployment/dockerfiles", "deployment/dockerfiles/nba",
                "bin" -> PathLookup.Type.DIRECTORY;
        case "predictions/worker/Dockerfile", "predictions/worker/worker.py", "shared/utils.py",
                "deployment/dockerfiles/nba/Dockerfile.odds-api-backfill", "bin/backfill.py", "requirements.txt" -> PathLookup.Type.FILE;
        default -> PathLookup.Type.NONE;
    };

    static ServiceMap read(String yaml) {
        return ServiceMapReader.read("deployment/services.yaml", yaml, REPO);
    }

    @Test
    void everyKeyIsReadAndTheDefaultsApply() {
        ServiceMap map = read("""
                ---
                ignore: [docs/archive/]
                sports: [nba, mlb]
                external: [props-ops-*, unified-dashboard]
                services:
                  - name: prediction-worker
                    kind: service
                    dockerfile: predictions/worker/Dockerfile
                    paths: [./predictions/worker/, shared/, requirements.txt]
                    region: us-east1
                    commit-env: GIT_SHA
                  - name: nba-odds-api-backfill
                    kind: job
                    dockerfile: deployment/dockerfiles/nba/Dockerfile.odds-api-backfill
                    paths: bin/backfill.py
                  - name: coordinator
                    dockerfile: predictions/worker/Dockerfile
                """);
        assertThat(map.problems()).isEmpty();
        assertThat(map.ignore()).containsExactly("docs/archive/");
        assertThat(map.sports()).containsExactly("nba", "mlb");
        ServiceEntry worker = map.entries().get(0);
        assertThat(worker.kind()).isEqualTo(ServiceEntry.Kind.SERVICE);
        assertThat(worker.line()).isEqualTo(6);
        assertThat(worker.paths()).containsExactly("predictions/worker/", "shared/", "requirements.txt");
        assertThat(worker.trackedPaths()).containsExactly("predictions/worker/", "shared/", "requirements.txt", "predictions/worker/Dockerfile");
        assertThat(worker.region()).contains("us-east1");
        assertThat(worker.commitEnv()).contains("GIT_SHA");
        ServiceEntry backfill = map.find("nba-odds-api-backfill", ServiceEntry.Kind.JOB).orElseThrow();
        assertThat(backfill.trackedPaths()).containsExactly("bin/backfill.py", "deployment/dockerfiles/nba/Dockerfile.odds-api-backfill");
        // without paths, a service Dockerfile's folder is its source
        assertThat(map.find("coordinator", ServiceEntry.Kind.SERVICE).orElseThrow().paths()).containsExactly("predictions/worker/");
        assertThat(map.external("props-ops-nba-drift-check")).isTrue();
        assertThat(map.external("unified-dashboard")).isTrue();
        assertThat(map.external("unified-dashboard-v2")).isFalse();
        assertThat(map.external("prediction-worker")).isFalse();
        assertThat(map.ignored("docs/archive/Dockerfile.legacy")).isTrue();
        assertThat(map.ignored("docs/archived/Dockerfile")).isFalse();
        assertThat(map.requireClean()).isSameAs(map);
    }

    @Test
    void eachMistakeIsAProblemWithItsLine() {
        ServiceMap map = read("""
                services:
                  - name: prediction-worker
                    dockerfile: predictions/worker/Dockerfile
                    path: [shared/]
                  - kind: service
                    dockerfile: predictions/worker/Dockerfile
                  - name: nba-phase2-raw-processors
                    paths: [data_processors/raw/]
                  - name: two
                    dockerfile: [predictions/worker/Dockerfile, deployment/dockerfiles/nba/Dockerfile.odds-api-backfill]
                  - name: gone
                    dockerfile: docker/raw-processor.Dockerfile
                    paths: [shared/utils.py/, ../elsewhere/]
                  - name: Bad_Name
                    kind: cronjob
                    dockerfile: predictions/worker
                    region: Europe
                    commit-env: 1COMMIT
                  - name: prediction-worker
                    dockerfile: predictions/worker/Dockerfile
                extra: true
                """);
        assertThat(map.problems()).extracting(p -> p.kind() + "@" + p.line()).containsExactlyInAnyOrder(
                "STRUCTURE@21", // extra: (top-level keys are checked first)
                "STRUCTURE@4", // path: is not a key
                "STRUCTURE@5", // no name
                "DOCKERFILE@7", // no dockerfile
                "PATH@8", // data_processors/raw/ does not exist
                "DOCKERFILE@10", // two Dockerfiles
                "DOCKERFILE@12", // does not exist
                "PATH@13", // a file written as a folder
                "STRUCTURE@13", // ..
                "STRUCTURE@14", // not a Cloud Run name
                "STRUCTURE@15", // kind
                "DOCKERFILE@16", // a directory
                "STRUCTURE@17", // region
                "STRUCTURE@18", // commit-env
                "STRUCTURE@19"); // listed twice
        Map<Integer, String> byLine = new java.util.HashMap<>();
        map.problems().forEach(p -> byLine.merge(p.line(), p.message(), (a, b) -> a + " | " + b));
        assertThat(byLine.get(4)).contains("unknown key 'path'", "name, kind, dockerfile, paths, region, commit-env");
        assertThat(byLine.get(7)).isEqualTo("service nba-phase2-raw-processors names no Dockerfile");
        assertThat(byLine.get(8)).contains("data_processors/raw/", "does not exist");
        assertThat(byLine.get(10)).contains("names 2 Dockerfiles");
        assertThat(byLine.get(12)).contains("docker/raw-processor.Dockerfile, does not exist");
        assertThat(byLine.get(19)).contains("service prediction-worker is listed twice (first on line 2)");
        assertThat(byLine.get(21)).contains("unknown key 'extra'");

        assertThatThrownBy(map::requireClean).isInstanceOfSatisfying(OpsException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).startsWith("deployment/services.yaml:").contains("deployment/services.yaml:12: the Dockerfile of");
            assertThat(e.fix()).isPresent();
        });
        // repo-check refuses the structure problems but keeps the Dockerfile ones as findings
        assertThatThrownBy(() -> map.requireNo(p -> p.kind() == Kind.STRUCTURE)).isInstanceOf(OpsException.class)
                .hasMessageNotContaining("names no Dockerfile");
    }

    @Test
    void brokenYamlAndWrongShapesNameTheLine() {
        assertThat(read("services:\n  - name: a\n   dockerfile: x\n").problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.STRUCTURE);
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).startsWith("not valid YAML");
        });
        assertThat(read("services:\n  - name: a\n    name: b\n").problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("'name' appears twice", "first on line 2");
        });
        assertThat(read("").problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("empty"));
        assertThat(read("# only a comment\n").problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("empty"));
        assertThat(read("- name: a\n").problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("must be a mapping"));
        assertThat(read("services: prediction-worker\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("must be a list"));
        assertThat(read("ignore: [x]\n").problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("no `services:`"));
        assertThat(read("services:\n  - prediction-worker\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("must be a mapping", "'prediction-worker'"));
        assertThat(read("services: []\n---\nservices: []\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("second YAML document"));
        assertThat(read("services: []\n").problems()).isEmpty();
        assertThat(read("external: [Props_Ops]\nservices: []\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("external: 'Props_Ops' is not a Cloud Run name"));
        assertThat(read("services:\n  - name: a\n    dockerfile: /abs/Dockerfile\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("must be relative"));
        assertThat(read("services:\n  - name:\n    dockerfile: predictions/worker/Dockerfile\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("without `name:`"));
        assertThat(Optional.of(read("services:\n  - name: a\n    dockerfile: predictions/worker/Dockerfile\n    paths: [3]\n")
                .problems()).get()).singleElement().satisfies(p -> assertThat(p.message()).contains("each path is a string"));
    }
}
