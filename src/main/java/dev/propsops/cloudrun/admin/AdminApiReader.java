package dev.propsops.cloudrun.admin;

import com.google.api.gax.rpc.ApiException;
import com.google.cloud.run.v2.ExecutionReference;
import com.google.cloud.run.v2.JobsClient;
import com.google.cloud.run.v2.JobsSettings;
import com.google.cloud.run.v2.ListJobsRequest;
import com.google.cloud.run.v2.ListRevisionsRequest;
import com.google.cloud.run.v2.ListServicesRequest;
import com.google.cloud.run.v2.RevisionsClient;
import com.google.cloud.run.v2.RevisionsSettings;
import com.google.cloud.run.v2.ServicesClient;
import com.google.cloud.run.v2.ServicesSettings;
import com.google.cloud.run.v2.TrafficTargetAllocationType;
import com.google.protobuf.Timestamp;
import dev.propsops.cli.StoreException;
import dev.propsops.cloudrun.CloudRunReader;
import dev.propsops.cloudrun.Condition;
import dev.propsops.cloudrun.Container;
import dev.propsops.cloudrun.Execution;
import dev.propsops.cloudrun.Job;
import dev.propsops.cloudrun.Revision;
import dev.propsops.cloudrun.Service;
import dev.propsops.cloudrun.TrafficShare;
import dev.propsops.gcp.GcpAccess;
import dev.propsops.gcp.GoogleApi;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Cloud Run through the Admin API v2 (the real gapic clients, REST transport). Services: one paged list,
 * then one {@code revisions.get} per revision serving traffic. Jobs: one paged list; each job names its
 * latest execution and how it ended. Revision counts: one paged list of the region's revisions
 * (service {@code -}). Needs {@code roles/run.viewer}.
 */
public final class AdminApiReader implements CloudRunReader, AutoCloseable {
    static final String ROLE = "roles/run.viewer";
    static final int PAGE_SIZE = 500;

    private final String project;
    private final String region;
    private final ServicesClient services;
    private final RevisionsClient revisions;
    private final JobsClient jobs;

    AdminApiReader(String project, String region, ServicesClient services, RevisionsClient revisions, JobsClient jobs) {
        this.project = project;
        this.region = region;
        this.services = services;
        this.revisions = revisions;
        this.jobs = jobs;
    }

    /** Clients for the run's project, credentials and endpoint ({@code ops.gcp.run.endpoint}). */
    public static AdminApiReader open(GcpAccess access, String region) {
        try {
            ServicesSettings.Builder s = access.configure(GoogleApi.RUN, ServicesSettings.newHttpJsonBuilder());
            s.applyToAllUnaryMethods(m -> {
                m.setRetrySettings(access.retrySettings(GoogleApi.RUN));
                return null;
            });
            RevisionsSettings.Builder r = access.configure(GoogleApi.RUN, RevisionsSettings.newHttpJsonBuilder());
            r.applyToAllUnaryMethods(m -> {
                m.setRetrySettings(access.retrySettings(GoogleApi.RUN));
                return null;
            });
            JobsSettings.Builder j = access.configure(GoogleApi.RUN, JobsSettings.newHttpJsonBuilder());
            j.applyToAllUnaryMethods(m -> {
                m.setRetrySettings(access.retrySettings(GoogleApi.RUN));
                return null;
            });
            return new AdminApiReader(access.projectId(), region, ServicesClient.create(s.build()),
                    RevisionsClient.create(r.build()), JobsClient.create(j.build()));
        } catch (IOException e) {
            throw new StoreException("open the Cloud Run Admin API clients", "Cloud Run Admin API (project "
                    + access.projectId() + ", region " + region + ")", ROLE, e);
        }
    }

    @Override
    public String describe() {
        return "Cloud Run Admin API (project " + project + ", region " + region + ")";
    }

    private String parent() {
        return "projects/" + project + "/locations/" + region;
    }

    @Override
    public List<Service> services() {
        List<Service> out = new ArrayList<>();
        call("list Cloud Run services", () -> {
            for (com.google.cloud.run.v2.Service s : services.listServices(ListServicesRequest.newBuilder()
                    .setParent(parent()).setPageSize(PAGE_SIZE).build()).iterateAll()) {
                out.add(service(s));
            }
            return null;
        });
        return out;
    }

    private Service service(com.google.cloud.run.v2.Service s) {
        String name = shortName(s.getName());
        Optional<String> latestReady = nonEmpty(s.getLatestReadyRevision()).map(AdminApiReader::shortName);
        List<TrafficShare> traffic = new ArrayList<>();
        for (com.google.cloud.run.v2.TrafficTargetStatus t : s.getTrafficStatusesList()) {
            // a LATEST target may leave the revision empty: it is the latest ready one
            String rev = nonEmpty(t.getRevision()).map(AdminApiReader::shortName)
                    .or(() -> t.getType() == TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST ? latestReady : Optional.empty())
                    .orElse("");
            if (!rev.isEmpty() && t.getPercent() > 0) {
                traffic.add(new TrafficShare(rev, t.getPercent(), t.getTag()));
            }
        }
        Map<String, Revision> serving = new LinkedHashMap<>();
        for (TrafficShare t : traffic) {
            serving.computeIfAbsent(t.revision(), rev -> call("get Cloud Run revision " + rev,
                    () -> revision(revisions.getRevision(s.getName() + "/revisions/" + rev))));
        }
        com.google.cloud.run.v2.RevisionTemplate t = s.getTemplate();
        Revision template = new Revision(nonEmpty(t.getRevision()).orElse(""), name, Optional.empty(), List.of(),
                nonEmpty(t.getServiceAccount()), containers(t.getContainersList()), t.getLabelsMap());
        List<Condition> conditions = new ArrayList<>();
        if (s.hasTerminalCondition()) {
            conditions.add(condition(s.getTerminalCondition()));
        }
        s.getConditionsList().forEach(c -> conditions.add(condition(c)));
        return new Service(name, region, conditions, nonEmpty(s.getLatestCreatedRevision()).map(AdminApiReader::shortName),
                latestReady, traffic, template, List.copyOf(serving.values()), true, s.getLabelsMap(),
                s.hasUpdateTime() ? Optional.of(instant(s.getUpdateTime())) : Optional.empty());
    }

    static Revision revision(com.google.cloud.run.v2.Revision r) {
        return new Revision(shortName(r.getName()), shortName(r.getService()),
                r.hasCreateTime() ? Optional.of(instant(r.getCreateTime())) : Optional.empty(),
                r.getConditionsList().stream().map(AdminApiReader::condition).toList(), nonEmpty(r.getServiceAccount()),
                containers(r.getContainersList()), r.getLabelsMap());
    }

    @Override
    public List<Job> jobs() {
        List<Job> out = new ArrayList<>();
        call("list Cloud Run jobs", () -> {
            for (com.google.cloud.run.v2.Job j : jobs.listJobs(ListJobsRequest.newBuilder().setParent(parent())
                    .setPageSize(PAGE_SIZE).build()).iterateAll()) {
                String name = shortName(j.getName());
                com.google.cloud.run.v2.TaskTemplate task = j.getTemplate().getTemplate();
                Revision template = new Revision("", name, Optional.empty(), List.of(), nonEmpty(task.getServiceAccount()),
                        containers(task.getContainersList()), j.getTemplate().getLabelsMap());
                Optional<Execution> latest = j.hasLatestCreatedExecution()
                        ? Optional.of(execution(name, j.getLatestCreatedExecution())) : Optional.empty();
                out.add(new Job(name, region, template, latest, j.getLabelsMap()));
            }
            return null;
        });
        return out;
    }

    private static Execution execution(String job, ExecutionReference e) {
        Execution.Status status = switch (e.getCompletionStatus()) {
            case EXECUTION_SUCCEEDED -> Execution.Status.SUCCEEDED;
            case EXECUTION_FAILED -> Execution.Status.FAILED;
            case EXECUTION_RUNNING -> Execution.Status.RUNNING;
            case EXECUTION_PENDING -> Execution.Status.PENDING;
            case EXECUTION_CANCELLED -> Execution.Status.CANCELLED;
            default -> Execution.Status.UNKNOWN;
        };
        return new Execution(shortName(e.getName()), job, e.hasCreateTime() ? Optional.of(instant(e.getCreateTime())) : Optional.empty(),
                e.hasCompletionTime() ? Optional.of(instant(e.getCompletionTime())) : Optional.empty(), status, "");
    }

    @Override
    public Map<String, Long> revisionCounts() {
        Map<String, Long> counts = new TreeMap<>();
        call("list Cloud Run revisions", () -> {
            for (com.google.cloud.run.v2.Revision r : revisions.listRevisions(ListRevisionsRequest.newBuilder()
                    .setParent(parent() + "/services/-").setPageSize(PAGE_SIZE).build()).iterateAll()) {
                counts.merge(shortName(r.getService()), 1L, Long::sum);
            }
            return null;
        });
        return counts;
    }

    private <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (ApiException e) {
            throw new StoreException(operation, describe(), ROLE, e);
        }
    }

    static List<Container> containers(List<com.google.cloud.run.v2.Container> list) {
        List<Container> out = new ArrayList<>();
        for (com.google.cloud.run.v2.Container c : list) {
            Map<String, String> env = new LinkedHashMap<>();
            c.getEnvList().stream().filter(e -> e.hasValue() || !e.hasValueSource()).forEach(e -> env.put(e.getName(), e.getValue()));
            out.add(new Container(c.getName(), c.getImage(), env));
        }
        return out;
    }

    static Condition condition(com.google.cloud.run.v2.Condition c) {
        Condition.State state = switch (c.getState()) {
            case CONDITION_SUCCEEDED -> Condition.State.TRUE;
            case CONDITION_FAILED -> Condition.State.FALSE;
            default -> Condition.State.UNKNOWN;
        };
        String reason = switch (c.getReasonsCase()) {
            case REASON -> c.getReason().name();
            case REVISION_REASON -> c.getRevisionReason().name();
            case EXECUTION_REASON -> c.getExecutionReason().name();
            default -> "";
        };
        return new Condition(c.getType(), state, reason, c.getMessage());
    }

    /** The last segment of a resource name (projects/p/locations/l/services/s -> s). */
    static String shortName(String resource) {
        int i = resource.lastIndexOf('/');
        return i < 0 ? resource : resource.substring(i + 1);
    }

    private static Optional<String> nonEmpty(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    @Override
    public void close() {
        services.close();
        revisions.close();
        jobs.close();
    }
}
