package dev.propsops.cloudrun.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.propsops.cli.JsonRecords;
import dev.propsops.cli.JsonRecords.RecordFileException;
import dev.propsops.cloudrun.CloudRunReader;
import dev.propsops.cloudrun.Condition;
import dev.propsops.cloudrun.Container;
import dev.propsops.cloudrun.Execution;
import dev.propsops.cloudrun.Job;
import dev.propsops.cloudrun.Revision;
import dev.propsops.cloudrun.Service;
import dev.propsops.cloudrun.TrafficShare;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Cloud Run as gcloud prints it, offline: the Knative-style v1 objects of {@code gcloud run services list
 * --format=json}, and optionally of {@code gcloud run jobs list}, {@code gcloud run jobs executions list}
 * and {@code gcloud run revisions list} (each {@code --format=json}). A services export carries each
 * service's template, not every revision: what a serving revision runs is known only when it is the one
 * the template made, or when a revisions export describes it; otherwise {@link Service#servingKnown()} is false.
 *
 * <p>A file that is not such an export is a {@link RecordFileException} naming the file and the line.
 */
public final class GcloudExportReader implements CloudRunReader {
    /** The label gcloud's objects carry the region in. */
    static final String LOCATION_LABEL = "cloud.googleapis.com/location";
    static final String JOB_LABEL = "run.googleapis.com/job";

    private final Optional<Path> servicesFile;
    private final Optional<Path> jobsFile;
    private final Optional<Path> executionsFile;
    private final Optional<Path> revisionsFile;

    public GcloudExportReader(Optional<Path> services, Optional<Path> jobs, Optional<Path> executions, Optional<Path> revisions) {
        this.servicesFile = services;
        this.jobsFile = jobs;
        this.executionsFile = executions;
        this.revisionsFile = revisions;
    }

    /** Only a services export ({@code gcloud run services list --format=json}). */
    public static GcloudExportReader services(Path file) {
        return new GcloudExportReader(Optional.of(file), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Override
    public String describe() {
        return "gcloud export " + servicesFile.or(() -> jobsFile).or(() -> executionsFile).map(Path::toString).orElse("(none)");
    }

    @Override
    public List<Service> services() {
        Path file = servicesFile.orElseThrow(() -> new IllegalStateException("no services export was given"));
        List<Service> out = new ArrayList<>();
        read(file, (node, index, line) -> out.add(service(file, node, line)));
        return revisionsFile.isPresent() && out.stream().anyMatch(s -> !s.servingKnown()) ? withServing(out, revisionsFile.get()) : out;
    }

    /**
     * Fills in the serving revisions a services export cannot describe (traffic on a revision other than the
     * template's) from a revisions export, keeping only the revisions that serve.
     */
    private static List<Service> withServing(List<Service> services, Path file) {
        Set<String> wanted = new LinkedHashSet<>();
        services.forEach(s -> s.traffic().forEach(t -> wanted.add(s.name() + "/" + t.revision())));
        Map<String, Revision> found = new LinkedHashMap<>();
        read(file, (node, index, line) -> {
            Revision r = revision(file, node, line, index);
            if (wanted.contains(r.service() + "/" + r.name())) {
                found.put(r.service() + "/" + r.name(), r);
            }
        });
        List<Service> out = new ArrayList<>();
        for (Service s : services) {
            if (s.servingKnown()) {
                out.add(s);
                continue;
            }
            Map<String, Revision> serving = new LinkedHashMap<>();
            s.serving().forEach(r -> serving.put(r.name(), r));
            s.traffic().forEach(t -> Optional.ofNullable(found.get(s.name() + "/" + t.revision())).ifPresent(r -> serving.putIfAbsent(r.name(), r)));
            boolean known = s.traffic().stream().allMatch(t -> serving.containsKey(t.revision()));
            List<Revision> ordered = s.traffic().stream().map(t -> serving.get(t.revision())).filter(java.util.Objects::nonNull).distinct().toList();
            out.add(new Service(s.name(), s.region(), s.conditions(), s.latestCreatedRevision(), s.latestReadyRevision(), s.traffic(),
                    s.template(), ordered, known, s.labels(), s.updateTime()));
        }
        return out;
    }

    /** One revision of {@code gcloud run revisions list --format=json}: what it runs and whether it became ready. */
    static Revision revision(Path file, JsonNode node, long line, long index) {
        requireObject(file, node, line, "revision");
        JsonNode meta = node.path("metadata");
        String name = requireText(file, line, meta.path("name"), "revision", "metadata.name");
        Map<String, String> labels = strings(meta.path("labels"));
        String service = labels.getOrDefault("serving.knative.dev/service", "");
        if (service.isEmpty()) {
            throw new RecordFileException(file, line, "a revision without the label serving.knative.dev/service: not "
                    + "`gcloud run revisions list --format=json` output", index);
        }
        JsonNode spec = node.path("spec");
        return new Revision(name, service, instant(meta.path("creationTimestamp")), conditions(node.path("status").path("conditions")),
                text(spec.path("serviceAccountName")), containers(spec.path("containers")), labels);
    }

    @Override
    public List<Job> jobs() {
        Map<String, Execution> latest = new LinkedHashMap<>();
        executionsFile.ifPresent(file -> read(file, (node, index, line) -> {
            Execution e = execution(file, node, line);
            latest.merge(e.job(), e, (a, b) -> newer(a, b));
        }));
        Map<String, Job> jobs = new LinkedHashMap<>();
        jobsFile.ifPresent(file -> read(file, (node, index, line) -> {
            Job j = job(file, node, line, latest);
            jobs.put(j.name(), j);
        }));
        // jobs known only from their executions
        latest.forEach((name, e) -> jobs.computeIfAbsent(name, n -> new Job(n, "", emptyTemplate(n), Optional.of(e), Map.of())));
        if (jobsFile.isEmpty() && executionsFile.isEmpty()) {
            throw new IllegalStateException("no jobs or executions export was given");
        }
        return List.copyOf(jobs.values());
    }

    @Override
    public Map<String, Long> revisionCounts() {
        Map<String, Long> counts = new TreeMap<>();
        revisionsFile.ifPresent(file -> read(file, (node, index, line) ->
                counts.merge(revision(file, node, line, index).service(), 1L, Long::sum)));
        return counts;
    }

    private interface Each {
        void accept(JsonNode node, long index, long line);
    }

    /** Reads a record file; a broken JSON Lines line is an error naming the file and line, like broken array syntax. */
    private static void read(Path file, Each each) {
        JsonRecords.read(file, new JsonRecords.Visitor() {
            @Override
            public void record(JsonNode value, long index, long line) {
                each.accept(value, index, line);
            }

            @Override
            public void malformed(long index, long line, String why) {
                throw new RecordFileException(file, line, "not JSON: " + why, index);
            }
        });
    }

    static Service service(Path file, JsonNode node, long line) {
        requireObject(file, node, line, "service");
        JsonNode meta = node.path("metadata");
        String name = requireText(file, line, meta.path("name"), "service", "metadata.name");
        JsonNode status = node.path("status");
        JsonNode templateNode = node.path("spec").path("template");
        Optional<String> latestCreated = text(status.path("latestCreatedRevisionName"));
        Optional<String> latestReady = text(status.path("latestReadyRevisionName"));
        // the template names the revision it makes, or (unnamed) it made the latest created one
        String templateRevision = text(templateNode.path("metadata").path("name")).or(() -> latestCreated).orElse("");
        Revision template = new Revision(templateRevision, name, Optional.empty(), List.of(),
                text(templateNode.path("spec").path("serviceAccountName")),
                containers(templateNode.path("spec").path("containers")), strings(templateNode.path("metadata").path("labels")));

        List<TrafficShare> traffic = new ArrayList<>();
        for (JsonNode t : status.path("traffic")) {
            int percent = t.path("percent").asInt(0);
            Optional<String> rev = text(t.path("revisionName"))
                    .or(() -> t.path("latestRevision").asBoolean(false) ? latestReady : Optional.empty());
            if (percent > 0 && rev.isPresent()) {
                traffic.add(new TrafficShare(rev.get(), percent, t.path("tag").asText("")));
            }
        }
        Set<String> servingNames = new LinkedHashSet<>();
        traffic.forEach(t -> servingNames.add(t.revision()));
        List<Revision> serving = new ArrayList<>();
        for (String rev : servingNames) {
            if (rev.equals(templateRevision)) {
                serving.add(new Revision(rev, name, Optional.empty(), List.of(new Condition("Ready",
                        rev.equals(latestReady.orElse("")) ? Condition.State.TRUE : Condition.State.UNKNOWN, "", "")),
                        template.serviceAccount(), template.containers(), template.labels()));
            }
        }
        Map<String, String> labels = strings(meta.path("labels"));
        return new Service(name, labels.getOrDefault(LOCATION_LABEL, ""), conditions(status.path("conditions")),
                latestCreated, latestReady, traffic, template, serving, serving.size() == servingNames.size(), labels,
                instant(meta.path("creationTimestamp")));
    }

    static Job job(Path file, JsonNode node, long line, Map<String, Execution> latest) {
        requireObject(file, node, line, "job");
        JsonNode meta = node.path("metadata");
        String name = requireText(file, line, meta.path("name"), "job", "metadata.name");
        JsonNode task = node.path("spec").path("template").path("spec").path("template").path("spec");
        Revision template = new Revision("", name, Optional.empty(), List.of(), text(task.path("serviceAccountName")),
                containers(task.path("containers")), Map.of());
        Optional<Execution> last = Optional.ofNullable(latest.get(name));
        JsonNode ref = node.path("status").path("latestCreatedExecution");
        if (last.isEmpty() && ref.isObject() && text(ref.path("name")).isPresent()) {
            Execution.Status s = switch (ref.path("completionStatus").asText("")) {
                case "EXECUTION_SUCCEEDED" -> Execution.Status.SUCCEEDED;
                case "EXECUTION_FAILED" -> Execution.Status.FAILED;
                case "EXECUTION_RUNNING" -> Execution.Status.RUNNING;
                case "EXECUTION_CANCELLED" -> Execution.Status.CANCELLED;
                default -> Execution.Status.UNKNOWN;
            };
            last = Optional.of(new Execution(ref.path("name").asText(), name, instant(ref.path("creationTimestamp")),
                    instant(ref.path("completionTimestamp")), s, ""));
        }
        Map<String, String> labels = strings(meta.path("labels"));
        return new Job(name, labels.getOrDefault(LOCATION_LABEL, ""), template, last, labels);
    }

    static Execution execution(Path file, JsonNode node, long line) {
        requireObject(file, node, line, "execution");
        JsonNode meta = node.path("metadata");
        String name = requireText(file, line, meta.path("name"), "execution", "metadata.name");
        String job = text(meta.path("labels").path(JOB_LABEL)).or(() -> text(node.path("spec").path("job")))
                .orElseThrow(() -> new RecordFileException(file, line, "execution " + name + " names no job (label "
                        + JOB_LABEL + "): not `gcloud run jobs executions list --format=json` output", 0));
        JsonNode status = node.path("status");
        List<Condition> conditions = conditions(status.path("conditions"));
        Optional<Condition> completed = Condition.of(conditions, "Completed");
        Execution.Status s;
        if (status.path("cancelledCount").asInt(0) > 0) {
            s = Execution.Status.CANCELLED;
        } else if (completed.map(c -> c.state() == Condition.State.TRUE).orElse(false)) {
            s = Execution.Status.SUCCEEDED;
        } else if (completed.map(c -> c.state() == Condition.State.FALSE).orElse(false) || status.path("failedCount").asInt(0) > 0
                && instant(status.path("completionTime")).isPresent()) {
            s = Execution.Status.FAILED;
        } else if (status.path("runningCount").asInt(0) > 0 || instant(status.path("startTime")).isPresent()) {
            s = Execution.Status.RUNNING;
        } else {
            s = completed.isPresent() ? Execution.Status.PENDING : Execution.Status.UNKNOWN;
        }
        return new Execution(name, job, instant(meta.path("creationTimestamp")), instant(status.path("completionTime")), s,
                completed.map(Condition::explain).orElse(""));
    }

    private static Execution newer(Execution a, Execution b) {
        Comparator<Execution> byTime = Comparator.comparing(e -> e.createTime().orElse(Instant.MIN));
        return byTime.compare(a, b) >= 0 ? a : b;
    }

    private static Revision emptyTemplate(String job) {
        return new Revision("", job, Optional.empty(), List.of(), Optional.empty(), List.of(), Map.of());
    }

    static List<Condition> conditions(JsonNode list) {
        List<Condition> out = new ArrayList<>();
        for (JsonNode c : list) {
            Condition.State state = switch (c.path("status").asText("")) {
                case "True" -> Condition.State.TRUE;
                case "False" -> Condition.State.FALSE;
                default -> Condition.State.UNKNOWN;
            };
            out.add(new Condition(c.path("type").asText(""), state, c.path("reason").asText(""), c.path("message").asText("")));
        }
        return out;
    }

    static List<Container> containers(JsonNode list) {
        List<Container> out = new ArrayList<>();
        for (JsonNode c : list) {
            Map<String, String> env = new LinkedHashMap<>();
            for (JsonNode e : c.path("env")) {
                // values from secrets (valueFrom) are not literal values
                if (e.path("name").isTextual() && e.has("value")) {
                    env.put(e.path("name").asText(), e.path("value").asText(""));
                }
            }
            out.add(new Container(c.path("name").asText(""), c.path("image").asText(""), env));
        }
        return out;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode()) {
                out.put(e.getKey(), e.getValue().asText());
            }
        });
        return out;
    }

    private static Optional<String> text(JsonNode n) {
        return n.isTextual() && !n.asText().isBlank() ? Optional.of(n.asText().trim()) : Optional.empty();
    }

    static Optional<Instant> instant(JsonNode n) {
        if (!n.isTextual() || n.asText().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(n.asText().trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static void requireObject(Path file, JsonNode node, long line, String what) {
        if (!node.isObject()) {
            throw new RecordFileException(file, line, "expected a " + what + " object, found " + node.getNodeType()
                    .name().toLowerCase(java.util.Locale.ROOT), 0);
        }
    }

    private static String requireText(Path file, long line, JsonNode n, String what, String field) {
        return text(n).orElseThrow(() -> new RecordFileException(file, line, "a " + what + " without " + field, 0));
    }
}
