package dev.propsops.cloudrun.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.EnvVar;
import com.google.cloud.run.v2.EnvVarSource;
import com.google.cloud.run.v2.ExecutionReference;
import com.google.cloud.run.v2.ExecutionTemplate;
import com.google.cloud.run.v2.Job;
import com.google.cloud.run.v2.ListJobsResponse;
import com.google.cloud.run.v2.ListRevisionsResponse;
import com.google.cloud.run.v2.ListServicesResponse;
import com.google.cloud.run.v2.Revision;
import com.google.cloud.run.v2.RevisionTemplate;
import com.google.cloud.run.v2.SecretKeySelector;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.TaskTemplate;
import com.google.cloud.run.v2.TrafficTargetAllocationType;
import com.google.cloud.run.v2.TrafficTargetStatus;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import dev.propsops.cli.ErrorExplainer;
import dev.propsops.cli.Explanation;
import dev.propsops.cli.StoreException;
import dev.propsops.cloudrun.Execution;
import dev.propsops.gcp.GcpAccess;
import dev.propsops.gcp.GcpConfig;
import dev.propsops.testing.TestInvocations;
import io.quarkus.test.common.QuarkusTestResource;
import dev.propsops.testing.CloudRunStandIn;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Cloud Run Admin v2 clients (REST transport) against WireMock standing in for run.googleapis.com. */
@QuarkusTest
@QuarkusTestResource(value = CloudRunStandIn.class, restrictToAnnotatedClass = true)
class AdminApiReaderTest {
    static final String PARENT = "projects/nba-props-platform/locations/us-west2";
    static final String BASE = "/v2/" + PARENT;

    @Inject
    GcpConfig gcp;

    private AdminApiReader reader;
    private WireMockServer api;

    @BeforeEach
    void open() {
        api = CloudRunStandIn.server();
        api.resetAll();
        reader = AdminApiReader.open(GcpAccess.of(Optional.of("nba-props-platform"), gcp, TestInvocations.quiet()), "us-west2");
    }

    @AfterEach
    void close() {
        reader.close();
    }

    static String json(MessageOrBuilder m) {
        try {
            return JsonFormat.printer().print(m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Revision revision(String service, String name, String commit) {
        return Revision.newBuilder().setName(PARENT + "/services/" + service + "/revisions/" + name)
                .setService(PARENT + "/services/" + service).setCreateTime(Timestamp.newBuilder().setSeconds(1_764_000_000))
                .setServiceAccount("prediction-worker@nba-props-platform.iam.gserviceaccount.com")
                .addConditions(Condition.newBuilder().setType("Ready").setState(Condition.State.CONDITION_SUCCEEDED))
                .addContainers(Container.newBuilder().setImage("us-west2-docker.pkg.dev/p/r/worker:" + commit)
                        .addEnv(EnvVar.newBuilder().setName("BUILD_COMMIT").setValue(commit))
                        .addEnv(EnvVar.newBuilder().setName("API_KEY").setValueSource(EnvVarSource.newBuilder()
                                .setSecretKeyRef(SecretKeySelector.newBuilder().setSecret("odds-api-key")))))
                .build();
    }

    @Test
    void servicesAreOnePagedListPlusOneReadPerServingRevisionWithTrafficSplit() {
        Service split = Service.newBuilder().setName(PARENT + "/services/prediction-worker")
                .setLatestCreatedRevision(PARENT + "/services/prediction-worker/revisions/prediction-worker-00043-new")
                .setLatestReadyRevision(PARENT + "/services/prediction-worker/revisions/prediction-worker-00042-abc")
                .addTrafficStatuses(TrafficTargetStatus.newBuilder().setType(TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION)
                        .setRevision("prediction-worker-00041-old").setPercent(10))
                .addTrafficStatuses(TrafficTargetStatus.newBuilder().setType(TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST)
                        .setPercent(90))
                .addTrafficStatuses(TrafficTargetStatus.newBuilder().setType(TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION)
                        .setRevision("prediction-worker-00040-tagged").setPercent(0).setTag("canary"))
                .setTemplate(RevisionTemplate.newBuilder().setServiceAccount("prediction-worker@nba-props-platform.iam.gserviceaccount.com")
                        .addContainers(Container.newBuilder().setImage("worker:new")))
                .setTerminalCondition(Condition.newBuilder().setType("Ready").setState(Condition.State.CONDITION_SUCCEEDED))
                .build();
        Service other = Service.newBuilder().setName(PARENT + "/services/nba-phase3-analytics-processors")
                .setLatestReadyRevision(PARENT + "/services/nba-phase3-analytics-processors/revisions/a-00166-9pr")
                .addTrafficStatuses(TrafficTargetStatus.newBuilder().setRevision("a-00166-9pr").setPercent(100))
                .setTerminalCondition(Condition.newBuilder().setType("Ready").setState(Condition.State.CONDITION_FAILED)
                        .setMessage("Revision 'a-00167-x' is not ready and cannot serve traffic."))
                .build();
        api.stubFor(get(urlPathEqualTo(BASE + "/services")).withQueryParam("pageToken", equalTo("p2"))
                .willReturn(okJson(json(ListServicesResponse.newBuilder().addServices(other)))));
        api.stubFor(get(urlPathEqualTo(BASE + "/services")).atPriority(10)
                .willReturn(okJson(json(ListServicesResponse.newBuilder().addServices(split).setNextPageToken("p2")))));
        api.stubFor(get(urlPathEqualTo(BASE + "/services/prediction-worker/revisions/prediction-worker-00041-old"))
                .willReturn(okJson(json(revision("prediction-worker", "prediction-worker-00041-old", "8df5beb7")))));
        api.stubFor(get(urlPathEqualTo(BASE + "/services/prediction-worker/revisions/prediction-worker-00042-abc"))
                .willReturn(okJson(json(revision("prediction-worker", "prediction-worker-00042-abc", "0a3c5b26")))));
        api.stubFor(get(urlPathEqualTo(BASE + "/services/nba-phase3-analytics-processors/revisions/a-00166-9pr"))
                .willReturn(okJson(json(revision("nba-phase3-analytics-processors", "a-00166-9pr", "e1c10e88")))));

        List<dev.propsops.cloudrun.Service> services = reader.services();

        assertThat(services).hasSize(2);
        dev.propsops.cloudrun.Service worker = services.get(0);
        assertThat(worker.name()).isEqualTo("prediction-worker");
        assertThat(worker.ready()).isTrue();
        assertThat(worker.traffic()).extracting(t -> t.revision() + "=" + t.percent())
                .containsExactly("prediction-worker-00041-old=10", "prediction-worker-00042-abc=90");
        assertThat(worker.serving()).extracting(r -> r.containers().get(0).env("BUILD_COMMIT").orElse("?"))
                .containsExactly("8df5beb7", "0a3c5b26");
        assertThat(worker.serving().get(0).containers().get(0).env()).doesNotContainKey("API_KEY");
        assertThat(worker.latestCreatedRevision()).contains("prediction-worker-00043-new");
        assertThat(worker.servingKnown()).isTrue();
        assertThat(worker.serviceAccount()).contains("prediction-worker@nba-props-platform.iam.gserviceaccount.com");
        assertThat(services.get(1).ready()).isFalse();
        assertThat(services.get(1).readyCondition().orElseThrow().message()).contains("cannot serve traffic");
        // one list per page, one get per serving revision: never one call per revision of the service
        api.verify(2, getRequestedFor(urlPathEqualTo(BASE + "/services")));
        api.verify(3, getRequestedFor(urlPathMatching(BASE + "/services/.+/revisions/.+")));
        api.verify(getRequestedFor(urlPathEqualTo(BASE + "/services")).withQueryParam("pageSize", equalTo("500")));
    }

    @Test
    void jobsCarryTheirLatestExecution() {
        Job job = Job.newBuilder().setName(PARENT + "/jobs/props-ops-nba-drift-check")
                .setTemplate(ExecutionTemplate.newBuilder().setTemplate(TaskTemplate.newBuilder()
                        .setServiceAccount("props-ops-drift@nba-props-platform.iam.gserviceaccount.com")
                        .addContainers(Container.newBuilder().setImage("drift:abc"))))
                .setLatestCreatedExecution(ExecutionReference.newBuilder().setName(PARENT + "/jobs/props-ops-nba-drift-check/executions/props-ops-nba-drift-check-x7k2p")
                        .setCreateTime(Timestamp.newBuilder().setSeconds(1_764_500_000))
                        .setCompletionTime(Timestamp.newBuilder().setSeconds(1_764_500_300))
                        .setCompletionStatus(ExecutionReference.CompletionStatus.EXECUTION_FAILED))
                .build();
        api.stubFor(get(urlPathEqualTo(BASE + "/jobs")).willReturn(okJson(json(ListJobsResponse.newBuilder().addJobs(job)))));

        List<dev.propsops.cloudrun.Job> jobs = reader.jobs();

        assertThat(jobs).singleElement().satisfies(j -> {
            assertThat(j.name()).isEqualTo("props-ops-nba-drift-check");
            assertThat(j.latestExecution().orElseThrow().status()).isEqualTo(Execution.Status.FAILED);
            assertThat(j.latestExecution().orElseThrow().name()).isEqualTo("props-ops-nba-drift-check-x7k2p");
            assertThat(j.template().serviceAccount()).contains("props-ops-drift@nba-props-platform.iam.gserviceaccount.com");
        });
    }

    @Test
    void revisionCountsComeFromOneListOfTheRegion() {
        ListRevisionsResponse.Builder page = ListRevisionsResponse.newBuilder();
        for (int i = 0; i < 3; i++) {
            page.addRevisions(revision("prediction-worker", "prediction-worker-0000" + i, "c"));
        }
        page.addRevisions(revision("coordinator", "coordinator-00001", "c"));
        api.stubFor(get(urlPathEqualTo(BASE + "/services/-/revisions")).willReturn(okJson(json(page))));
        assertThat(reader.revisionCounts()).containsExactlyInAnyOrderEntriesOf(Map.of("prediction-worker", 3L, "coordinator", 1L));
        api.verify(1, getRequestedFor(urlPathEqualTo(BASE + "/services/-/revisions")));
    }

    @Test
    void aForbiddenListNamesTheRole() {
        api.stubFor(get(urlPathEqualTo(BASE + "/services")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":403,\"message\":\"Permission 'run.services.list' denied on resource\","
                        + "\"status\":\"PERMISSION_DENIED\"}}")));
        StoreException e = catchThrowableOfType(StoreException.class, () -> reader.services());
        Explanation x = ErrorExplainer.explain(e);
        assertThat(x.message()).contains("list Cloud Run services", "project nba-props-platform, region us-west2", "PERMISSION_DENIED");
        assertThat(x.fix()).get().asString().contains("roles/run.viewer");
    }

    @Test
    void aDisabledApiSaysHowToEnableIt() {
        api.stubFor(get(urlPathEqualTo(BASE + "/jobs")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":403,\"message\":\"Cloud Run Admin API has not been used in project 123 before or "
                        + "it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/run.googleapis.com"
                        + "/overview?project=123\",\"status\":\"PERMISSION_DENIED\",\"details\":[{\"@type\":"
                        + "\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"SERVICE_DISABLED\"}]}}")));
        Explanation x = ErrorExplainer.explain(catchThrowableOfType(StoreException.class, () -> reader.jobs()));
        assertThat(x.fix()).get().asString().contains("gcloud services enable run.googleapis.com");
    }
}
