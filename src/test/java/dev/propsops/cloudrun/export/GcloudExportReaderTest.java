package dev.propsops.cloudrun.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.propsops.cli.ExitCode;
import dev.propsops.cli.JsonRecords.RecordFileException;
import dev.propsops.cloudrun.Execution;
import dev.propsops.cloudrun.Job;
import dev.propsops.cloudrun.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gcloud's Knative-style v1 exports, as `gcloud run services list --format=json` and friends print them. */
class GcloudExportReaderTest {
    static final Path SERVICES = Path.of("src/test/resources/cloudrun/services.json");
    static final Path EXECUTIONS = Path.of("src/test/resources/cloudrun/executions.json");

    @TempDir
    Path dir;

    @Test
    void aServiceServedByItsTemplateRevisionIsFullyKnown() {
        Service worker = GcloudExportReader.services(SERVICES).services().get(0);
        assertThat(worker.name()).isEqualTo("prediction-worker");
        assertThat(worker.region()).isEqualTo("us-west2");
        assertThat(worker.ready()).isTrue();
        assertThat(worker.servingKnown()).isTrue();
        assertThat(worker.serving()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("prediction-worker-00043-new");
            assertThat(r.containers().get(0).env()).containsExactlyEntriesOf(Map.of("BUILD_COMMIT", "0a3c5b26"));
            assertThat(r.containers().get(0).image()).endsWith("prediction-worker:0a3c5b26");
        });
        assertThat(worker.serviceAccount()).contains("prediction-worker@nba-props-platform.iam.gserviceaccount.com");
    }

    @Test
    void trafficSplitAwayFromTheTemplateIsNotGuessed() {
        Service analytics = GcloudExportReader.services(SERVICES).services().get(1);
        assertThat(analytics.ready()).isFalse();
        assertThat(analytics.readyCondition().orElseThrow().explain()).startsWith("RevisionFailed: Revision");
        assertThat(analytics.traffic()).extracting(t -> t.revision() + "=" + t.percent())
                .containsExactly("nba-phase3-analytics-processors-00166-9pr=80", "nba-phase3-analytics-processors-00165-abc=20");
        // the template made 00167 (never ready); the serving revisions' env is not in a services export
        assertThat(analytics.serving()).isEmpty();
        assertThat(analytics.servingKnown()).isFalse();
        assertThat(analytics.template().name()).isEqualTo("nba-phase3-analytics-processors-00167-x2z");
        assertThat(analytics.latestReadyRevision()).contains("nba-phase3-analytics-processors-00166-9pr");
    }

    @Test
    void executionsGiveEachJobItsLatestRun() {
        List<Job> jobs = new GcloudExportReader(Optional.empty(), Optional.empty(), Optional.of(EXECUTIONS), Optional.empty()).jobs();
        assertThat(jobs).extracting(Job::name).containsExactly("props-ops-nba-drift-check", "props-ops-platform-heartbeat-monitor");
        Execution drift = jobs.get(0).latestExecution().orElseThrow();
        assertThat(drift.name()).isEqualTo("props-ops-nba-drift-check-abc12");
        assertThat(drift.status()).isEqualTo(Execution.Status.FAILED);
        assertThat(drift.message()).contains("NonZeroExitCode", "exited with an error");
        assertThat(jobs.get(1).latestExecution().orElseThrow().status()).isEqualTo(Execution.Status.RUNNING);
    }

    @Test
    void aServiceWithoutANameNamesTheFileAndLine() throws Exception {
        Path f = Files.writeString(dir.resolve("services.json"), "[\n  {\"metadata\": {\"name\": \"ok\"}},\n  {\"metadata\": {}}\n]\n");
        RecordFileException e = catchThrowableOfType(RecordFileException.class, () -> GcloudExportReader.services(f).services());
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).isEqualTo(f + ":3: a service without metadata.name");
    }

    @Test
    void somethingElseThanObjectsIsRefused() throws Exception {
        Path f = Files.writeString(dir.resolve("services.json"), "[\"prediction-worker\"]");
        assertThat(catchThrowableOfType(RecordFileException.class, () -> GcloudExportReader.services(f).services()).getMessage())
                .contains(":1: expected a service object, found string");
        Path broken = Files.writeString(dir.resolve("b.json"), "[{\"metadata\": {\"name\": \"x\"}");
        assertThat(catchThrowableOfType(RecordFileException.class, () -> GcloudExportReader.services(broken).services()).getMessage())
                .contains("b.json:1:");
    }

    @Test
    void aRevisionsExportDescribesTheServingRevisionsTheTemplateDidNotMake() throws Exception {
        Path revisions = dir.resolve("revisions.json");
        Files.writeString(revisions, """
                [
                  {"apiVersion": "serving.knative.dev/v1", "kind": "Revision",
                   "metadata": {"name": "nba-phase3-analytics-processors-00166-9pr", "creationTimestamp": "2026-11-29T08:00:00Z",
                                "labels": {"serving.knative.dev/service": "nba-phase3-analytics-processors", "commit-sha": "e1c10e88"}},
                   "spec": {"serviceAccountName": "analytics@p.iam.gserviceaccount.com",
                            "containers": [{"image": "analytics:e1c10e88", "env": [{"name": "BUILD_COMMIT", "value": "e1c10e88"}]}]},
                   "status": {"conditions": [{"type": "Ready", "status": "True"}]}},
                  {"apiVersion": "serving.knative.dev/v1", "kind": "Revision",
                   "metadata": {"name": "nba-phase3-analytics-processors-00001-old",
                                "labels": {"serving.knative.dev/service": "nba-phase3-analytics-processors"}},
                   "spec": {"containers": [{"image": "analytics:old"}]}}
                ]
                """);
        GcloudExportReader reader = new GcloudExportReader(Optional.of(SERVICES), Optional.empty(), Optional.empty(), Optional.of(revisions));
        Service analytics = reader.services().get(1);
        // 00165-abc (20%) is in neither export: still not known
        assertThat(analytics.servingKnown()).isFalse();
        assertThat(analytics.serving()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("nba-phase3-analytics-processors-00166-9pr");
            assertThat(r.ready()).isTrue();
            assertThat(r.containers().get(0).env("BUILD_COMMIT")).contains("e1c10e88");
            assertThat(r.labels()).containsEntry("commit-sha", "e1c10e88");
            assertThat(r.createTime()).isPresent();
        });
        assertThat(reader.services().get(0).servingKnown()).as("the worker was known already").isTrue();
        assertThat(reader.revisionCounts()).containsExactlyEntriesOf(Map.of("nba-phase3-analytics-processors", 2L));
    }

    @Test
    void aBrokenJsonLinesLineNamesTheFileAndLine() throws java.io.IOException {
        Path file = dir.resolve("services.json");
        Files.writeString(file, "{\"metadata\": {\"name\": \"a\"}}\nnot json\n");
        RecordFileException e = catchThrowableOfType(RecordFileException.class, () -> GcloudExportReader.services(file).services());
        assertThat(e.getMessage()).startsWith(file + ":2: not JSON");
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    }
}
