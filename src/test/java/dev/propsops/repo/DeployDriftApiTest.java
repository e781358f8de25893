package dev.propsops.repo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.EnvVar;
import com.google.cloud.run.v2.ExecutionTemplate;
import com.google.cloud.run.v2.Job;
import com.google.cloud.run.v2.ListJobsResponse;
import com.google.cloud.run.v2.ListServicesResponse;
import com.google.cloud.run.v2.Revision;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.TaskTemplate;
import com.google.cloud.run.v2.TrafficTargetAllocationType;
import com.google.cloud.run.v2.TrafficTargetStatus;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Json;
import dev.propsops.testing.CliDriver;
import io.quarkus.test.common.QuarkusTestResource;
import dev.propsops.testing.CloudRunStandIn;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * deploy-drift online: the real Cloud Run Admin v2 clients (REST transport) against WireMock standing in
 * for run.googleapis.com, with a service whose traffic is split across two revisions.
 */
@QuarkusTest
@QuarkusTestResource(value = CloudRunStandIn.class, restrictToAnnotatedClass = true)
class DeployDriftApiTest {
    static final String PROJECT = "nba-props-platform";
    static final String WEST = "projects/" + PROJECT + "/locations/us-west2";
    static final String EAST = "projects/" + PROJECT + "/locations/us-east1";

    @Inject
    CommandLine.IFactory factory;

    @TempDir
    Path dir;

    WireMockServer api;
    PlatformRepo platform;
    Path repo;

    @BeforeEach
    void reset() {
        api = CloudRunStandIn.server();
        api.resetAll();
        repo = dir.resolve("platform");
        platform = PlatformRepo.create(repo);
    }

    static String json(MessageOrBuilder m) {
        try {
            return JsonFormat.printer().print(m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Revision revision(String parent, String service, String name, String commit) {
        return Revision.newBuilder().setName(parent + "/services/" + service + "/revisions/" + name).setService(parent + "/services/" + service)
                .setCreateTime(Timestamp.newBuilder().setSeconds(1_769_000_000))
                .addConditions(Condition.newBuilder().setType("Ready").setState(Condition.State.CONDITION_SUCCEEDED))
                .addContainers(Container.newBuilder().setImage("us-west2-docker.pkg.dev/p/images/" + service + ":" + commit.substring(0, 8))
                        .addEnv(EnvVar.newBuilder().setName("BUILD_COMMIT").setValue(commit)))
                .build();
    }

    static TrafficTargetStatus traffic(String revision, int percent) {
        return TrafficTargetStatus.newBuilder().setType(TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION)
                .setRevision(revision).setPercent(percent).build();
    }

    CliDriver.Result run(String... args) {
        return new CliDriver(factory).clock(Clock.fixed(Instant.parse("2026-01-30T12:00:00Z"), ZoneOffset.UTC)).run(args);
    }

    @Test
    void aTrafficSplitIsReadFromTheTrafficStatusesAndEveryServingRevisionIsJudged() throws Exception {
        String worker = WEST + "/services/prediction-worker";
        Service split = Service.newBuilder().setName(worker)
                // the template describes a revision that never became ready: it must not count
                .setLatestCreatedRevision(worker + "/revisions/prediction-worker-00043-bad")
                .setLatestReadyRevision(worker + "/revisions/prediction-worker-00042-new")
                .addTrafficStatuses(TrafficTargetStatus.newBuilder().setType(TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST)
                        .setPercent(75))
                .addTrafficStatuses(traffic("prediction-worker-00041-old", 25))
                .setTemplate(com.google.cloud.run.v2.RevisionTemplate.newBuilder()
                        .addContainers(Container.newBuilder().setImage("worker:bad").addEnv(EnvVar.newBuilder().setName("BUILD_COMMIT")
                                .setValue("ffffffffff"))))
                .build();
        Service coordinator = Service.newBuilder().setName(WEST + "/services/prediction-coordinator")
                .addTrafficStatuses(traffic("prediction-coordinator-00007-a", 100)).build();
        Service stray = Service.newBuilder().setName(WEST + "/services/unified-dashboard")
                .addTrafficStatuses(traffic("unified-dashboard-00001-a", 100)).build();
        api.stubFor(get(urlPathEqualTo("/v2/" + WEST + "/services")).atPriority(10)
                .willReturn(okJson(json(ListServicesResponse.newBuilder().addServices(split).setNextPageToken("p2")))));
        api.stubFor(get(urlPathEqualTo("/v2/" + WEST + "/services")).withQueryParam("pageToken", equalTo("p2"))
                .willReturn(okJson(json(ListServicesResponse.newBuilder().addServices(coordinator).addServices(stray)))));
        api.stubFor(get(urlPathEqualTo("/v2/" + worker + "/revisions/prediction-worker-00042-new"))
                .willReturn(okJson(json(revision(WEST, "prediction-worker", "prediction-worker-00042-new", platform.sharedChange)))));
        api.stubFor(get(urlPathEqualTo("/v2/" + worker + "/revisions/prediction-worker-00041-old"))
                .willReturn(okJson(json(revision(WEST, "prediction-worker", "prediction-worker-00041-old", platform.initial)))));
        api.stubFor(get(urlPathEqualTo("/v2/" + WEST + "/services/prediction-coordinator/revisions/prediction-coordinator-00007-a"))
                .willReturn(okJson(json(revision(WEST, "prediction-coordinator", "prediction-coordinator-00007-a", platform.coordinatorChange)))));
        api.stubFor(get(urlPathEqualTo("/v2/" + WEST + "/services/unified-dashboard/revisions/unified-dashboard-00001-a"))
                .willReturn(okJson(json(revision(WEST, "unified-dashboard", "unified-dashboard-00001-a", platform.initial)))));
        Job backfill = Job.newBuilder().setName(WEST + "/jobs/nba-odds-api-backfill").setTemplate(ExecutionTemplate.newBuilder()
                .setTemplate(TaskTemplate.newBuilder().addContainers(Container.newBuilder().setImage("backfill:latest")
                        .addEnv(EnvVar.newBuilder().setName("BUILD_COMMIT").setValue(platform.initial.substring(0, 9)))))).build();
        api.stubFor(get(urlPathEqualTo("/v2/" + WEST + "/jobs")).willReturn(okJson(json(ListJobsResponse.newBuilder().addJobs(backfill)))));
        // one entry lives in another region: that region is read too
        api.stubFor(get(urlPathEqualTo("/v2/" + EAST + "/services")).willReturn(okJson("{}")));
        api.stubFor(get(urlPathEqualTo("/v2/" + EAST + "/jobs")).willReturn(okJson("{}")));
        Path map = dir.resolve("map.yaml");
        Files.writeString(map, PlatformRepo.MAP.replace("""
                  - name: mlb-prediction-worker
                    dockerfile: predictions/mlb/Dockerfile
                """, """
                  - name: mlb-prediction-worker
                    dockerfile: predictions/mlb/Dockerfile
                    region: us-east1
                """));

        CliDriver.Result r = run("deploy-drift", "--repo", repo.toString(), "--services", map.toString(), "--project", PROJECT, "--output", "json");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS);
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.path("source").asText()).isEqualTo("Cloud Run Admin API (project nba-props-platform, regions us-west2, us-east1)");
        JsonNode w = DeployDriftExportTest.unit(j, "prediction-worker");
        assertThat(w.path("verdict").asText()).isEqualTo("behind");
        assertThat(w.path("revisions")).extracting(x -> x.path("revision").asText() + "=" + x.path("percent").asInt() + ":"
                + x.path("verdict").asText()).containsExactly("prediction-worker-00042-new=75:current", "prediction-worker-00041-old=25:behind");
        assertThat(w.path("revisions").get(1).path("undeployed").path("count").asInt()).as("worker v2 and shared v2").isEqualTo(2);
        assertThat(w.path("revisions").get(0).path("created").asText()).isEqualTo("2026-01-21T12:53:20Z");
        assertThat(r.out()).doesNotContain("ffffffffff");
        assertThat(DeployDriftExportTest.unit(j, "prediction-coordinator").path("verdict").asText()).isEqualTo("current");
        assertThat(DeployDriftExportTest.unit(j, "nba-odds-api-backfill").path("verdict").asText()).isEqualTo("current");
        assertThat(DeployDriftExportTest.unit(j, "unified-dashboard").path("verdict").asText()).isEqualTo("not_in_map");
        JsonNode east = DeployDriftExportTest.unit(j, "mlb-prediction-worker");
        assertThat(east.path("verdict").asText()).isEqualTo("not_deployed");
        assertThat(east.path("region").asText()).isEqualTo("us-east1");

        api.verify(2, getRequestedFor(urlPathEqualTo("/v2/" + WEST + "/services")).withQueryParam("pageSize", equalTo("500")));
        api.verify(4, getRequestedFor(urlPathMatching("/v2/" + WEST + "/services/[^/]+/revisions/.+")));
        api.verify(0, getRequestedFor(urlPathMatching(".*prediction-worker-00043-bad")));
        api.verify(1, getRequestedFor(urlPathEqualTo("/v2/" + WEST + "/jobs")));
        api.verify(1, getRequestedFor(urlPathEqualTo("/v2/" + EAST + "/services")));
        assertThat(r.err()).contains("reading Cloud Run services and jobs of project nba-props-platform in us-west2");
    }

    @Test
    void aMissingRoleIsExitOneWithTheRoleToGrant() {
        api.stubFor(get(urlPathEqualTo("/v2/" + WEST + "/services")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":403,\"message\":\"Permission 'run.services.list' denied on resource\","
                        + "\"status\":\"PERMISSION_DENIED\"}}")));
        CliDriver.Result r = run("deploy-drift", "--repo", repo.toString(), "--project", PROJECT);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("list Cloud Run services", "project nba-props-platform, region us-west2", "roles/run.viewer")
                .doesNotContain("\tat ");
        assertThat(r.out()).as("no report that could read clean").isEmpty();
    }
}
