package dev.propsops.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.monitoring.dashboard.v1.Dashboard;
import com.google.monitoring.v3.AlertPolicy;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.propsops.monitoring.OpsMetric;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The alert policies and the dashboard of deployment/monitoring: each parses into the client library's own
 * protobuf message (strictly: an unknown field or a wrong type fails), every filter names a metric props-ops
 * writes or one Cloud Run publishes with labels that metric has, and the thresholds are the jobs' own.
 */
class MonitoringFilesTest {
    static final Path DIR = DeploymentFiles.ROOT.resolve("deployment/monitoring");
    /** Cloud Run's built-in job metrics, on the cloud_run_job resource, and their metric labels. */
    static final Map<String, Set<String>> CLOUD_RUN = Map.of(
            "run.googleapis.com/job/completed_execution_count", Set.of("result"),
            "run.googleapis.com/job/completed_task_attempt_count", Set.of("result", "attempt"),
            "run.googleapis.com/job/running_executions", Set.of(),
            "run.googleapis.com/job/running_task_attempts", Set.of("attempt"));
    static final Set<String> CLOUD_RUN_JOB_LABELS = Set.of("project_id", "location", "job_name");
    static final Pattern METRIC_TYPE = Pattern.compile("metric\\.type\\s*=\\s*\"([^\"]+)\"");
    static final Pattern RESOURCE_TYPE = Pattern.compile("resource\\.type\\s*=\\s*\"([^\"]+)\"");
    static final Pattern METRIC_LABEL = Pattern.compile("metric\\.labels?\\.(\\w+)");
    static final Pattern RESOURCE_LABEL = Pattern.compile("resource\\.labels?\\.(\\w+)");
    static final Pattern FEATURES = Pattern.compile("metric\\.label\\.feature\\s*=\\s*one_of\\(([^)]*)\\)");
    static final ObjectMapper JSON = new ObjectMapper();

    static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    static AlertPolicy policy(Path p) throws IOException {
        AlertPolicy.Builder b = AlertPolicy.newBuilder();
        JsonFormat.parser().merge(Files.readString(p), b);
        return b.build();
    }

    static Dashboard dashboard(Path p) throws IOException {
        Dashboard.Builder b = Dashboard.newBuilder();
        JsonFormat.parser().merge(Files.readString(p), b);
        return b.build();
    }

    static Properties shipped() throws IOException {
        Properties props = new Properties();
        try (InputStream in = MonitoringFilesTest.class.getClassLoader().getResourceAsStream("application.properties")) {
            props.load(in);
        }
        return props;
    }

    /** Every string under a key named "filter", anywhere in the file. */
    static List<String> filters(Path p) throws IOException {
        List<String> out = new ArrayList<>();
        collect(JSON.readTree(p.toFile()), out);
        return out;
    }

    private static void collect(JsonNode node, List<String> out) {
        node.fields().forEachRemaining(e -> {
            if (e.getKey().toLowerCase().endsWith("filter") && e.getValue().isTextual()) {
                out.add(e.getValue().asText());
            } else {
                collect(e.getValue(), out);
            }
        });
        if (node.isArray()) {
            node.forEach(n -> collect(n, out));
        }
    }

    static Set<String> criticalFeatures(String filter) {
        Matcher m = FEATURES.matcher(filter);
        if (!m.find()) {
            return Set.of();
        }
        return Arrays.stream(m.group(1).split(",")).map(s -> s.trim().replace("\"", "")).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyPolicyParsesStrictlyIntoAnAlertPolicy() throws IOException {
        List<Path> policies = files(".policy.json");
        assertThat(policies).hasSize(5);
        Set<String> names = new HashSet<>();
        for (Path p : policies) {
            AlertPolicy policy = policy(p);
            assertThat(policy.getDisplayName()).as(p.toString()).startsWith("props-ops: ");
            assertThat(names.add(policy.getDisplayName())).as("display names identify policies for the apply script").isTrue();
            assertThat(policy.getConditionsList()).as(p.toString()).isNotEmpty().hasSizeLessThanOrEqualTo(6);
            assertThat(policy.getDocumentation().getContent()).as(p.toString()).isNotBlank();
            assertThat(policy.getUserLabelsMap()).containsEntry("app", "props-ops");
            assertThat(policy.getEnabled().getValue()).isTrue();
            assertThat(policy.getNotificationChannelsList()).as(p + ": channels are a parameter of the apply script").isEmpty();
            assertThat(policy.getName()).as("a name is assigned by Cloud Monitoring").isEmpty();
            // the apply script inserts the channels after the first line's brace
            assertThat(Files.readAllLines(p).get(0)).isEqualTo("{");
            assertThat(policy.getDisplayName()).doesNotContain("\"", "\\");
        }
    }

    @Test
    void anUnknownFieldOrAWrongTypeFailsTheParse() {
        AlertPolicy.Builder b = AlertPolicy.newBuilder();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonFormat.parser().merge("{\"displayName\": \"x\", \"severty\": 1}", b))
                .isInstanceOf(InvalidProtocolBufferException.class).hasMessageContaining("severty");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonFormat.parser().merge(
                "{\"conditions\": [{\"conditionThreshold\": {\"thresholdValue\": \"fifty\"}}]}", AlertPolicy.newBuilder()))
                .isInstanceOf(InvalidProtocolBufferException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonFormat.parser().merge(
                "{\"mosaicLayout\": {\"tiles\": [{\"widht\": 3}]}}", Dashboard.newBuilder())).isInstanceOf(InvalidProtocolBufferException.class);
    }

    @Test
    void theDashboardParsesStrictlyAndShowsWhatTheIssueAsks() throws IOException {
        List<Path> dashboards = files(".dashboard.json");
        assertThat(dashboards).hasSize(1);
        Dashboard d = dashboard(dashboards.get(0));
        assertThat(d.getDisplayName()).isEqualTo("props-ops");
        assertThat(d.getName()).as("the apply script names it").isEmpty();
        assertThat(Files.readAllLines(dashboards.get(0)).get(0)).isEqualTo("{");
        List<String> titles = d.getMosaicLayout().getTilesList().stream().map(t -> t.getWidget().getTitle()).toList();
        assertThat(titles).anyMatch(t -> t.contains("collection size")).anyMatch(t -> t.contains("health score"))
                .anyMatch(t -> t.contains("executions by result")).anyMatch(t -> t.contains("Coverage"));
        d.getMosaicLayout().getTilesList().forEach(t -> {
            assertThat(t.getXPos() + t.getWidth()).as(t.getWidget().getTitle()).isLessThanOrEqualTo(d.getMosaicLayout().getColumns());
            assertThat(t.getWidget().getXyChart().getDataSetsList()).as(t.getWidget().getTitle()).isNotEmpty();
        });
        // tiles never overlap
        var tiles = d.getMosaicLayout().getTilesList();
        for (int i = 0; i < tiles.size(); i++) {
            for (int j = i + 1; j < tiles.size(); j++) {
                var a = tiles.get(i);
                var b = tiles.get(j);
                boolean apart = a.getXPos() + a.getWidth() <= b.getXPos() || b.getXPos() + b.getWidth() <= a.getXPos()
                        || a.getYPos() + a.getHeight() <= b.getYPos() || b.getYPos() + b.getHeight() <= a.getYPos();
                assertThat(apart).as(a.getWidget().getTitle() + " overlaps " + b.getWidget().getTitle()).isTrue();
            }
        }
    }

    @Test
    void everyFilterNamesAMetricPropsOpsWritesOrACloudRunBuiltInWithItsLabels() throws IOException {
        List<Path> all = new ArrayList<>(files(".policy.json"));
        all.addAll(files(".dashboard.json"));
        Set<String> used = new HashSet<>();
        for (Path p : all) {
            List<String> filters = filters(p);
            assertThat(filters).as(p.toString()).isNotEmpty();
            for (String f : filters) {
                String where = p.getFileName() + ": " + f;
                Matcher type = METRIC_TYPE.matcher(f);
                assertThat(type.find()).as(where + " names no metric.type").isTrue();
                String metric = type.group(1);
                used.add(metric);
                Matcher resource = RESOURCE_TYPE.matcher(f);
                assertThat(resource.find()).as(where + " names no resource.type").isTrue();
                Set<String> metricLabels;
                Set<String> resourceLabels;
                if (metric.startsWith(OpsMetric.PREFIX)) {
                    OpsMetric m = OpsMetric.ofType(metric).orElseThrow(() -> new AssertionError(where + ": props-ops writes no " + metric));
                    assertThat(resource.group(1)).as(where + ": props-ops writes on the global resource").isEqualTo("global");
                    metricLabels = new HashSet<>(m.labels());
                    resourceLabels = Set.of("project_id");
                } else {
                    assertThat(CLOUD_RUN).as(where + ": neither props-ops' nor a Cloud Run built-in").containsKey(metric);
                    assertThat(resource.group(1)).as(where).isEqualTo("cloud_run_job");
                    metricLabels = CLOUD_RUN.get(metric);
                    resourceLabels = CLOUD_RUN_JOB_LABELS;
                    assertThat(f).as(where + ": only props-ops' own jobs").contains("resource.label.job_name = starts_with(\"props-ops-\")");
                }
                Matcher ml = METRIC_LABEL.matcher(f);
                while (ml.find()) {
                    assertThat(metricLabels).as(where + ": no such metric label").contains(ml.group(1));
                }
                Matcher rl = RESOURCE_LABEL.matcher(f);
                while (rl.find()) {
                    assertThat(resourceLabels).as(where + ": no such resource label").contains(rl.group(1));
                }
            }
        }
        assertThat(used).contains(OpsMetric.HEARTBEAT_COLLECTION_SIZE.type(), OpsMetric.HEARTBEAT_HEALTH_SCORE.type(),
                OpsMetric.DRIFT_COVERAGE.type(), OpsMetric.DRIFT_COVERAGE_CHANGE.type(), OpsMetric.HEARTBEAT_BEAT_AGE_INTERVALS.type(),
                "run.googleapis.com/job/completed_execution_count");
    }

    @Test
    void thePoliciesAlertOnTheJobsOwnThresholds() throws IOException {
        Properties props = shipped();
        Map<String, AlertPolicy.Condition> byMetric = new java.util.HashMap<>();
        for (Path p : files(".policy.json")) {
            for (AlertPolicy.Condition c : policy(p).getConditionsList()) {
                String filter = c.hasConditionThreshold() ? c.getConditionThreshold().getFilter() : c.getConditionAbsent().getFilter();
                Matcher m = METRIC_TYPE.matcher(filter);
                m.find();
                byMetric.put((c.hasConditionAbsent() ? "absent " : "") + m.group(1), c);
            }
        }
        var size = byMetric.get(OpsMetric.HEARTBEAT_COLLECTION_SIZE.type()).getConditionThreshold();
        assertThat(size.getComparison().name()).isEqualTo("COMPARISON_GT");
        assertThat(size.getThresholdValue()).isEqualTo(Double.parseDouble(props.getProperty("ops.heartbeat.monitor.max-docs")));
        var score = byMetric.get(OpsMetric.HEARTBEAT_HEALTH_SCORE.type()).getConditionThreshold();
        assertThat(score.getComparison().name()).isEqualTo("COMPARISON_LT");
        assertThat(score.getThresholdValue()).isEqualTo(Double.parseDouble(props.getProperty("ops.heartbeat.monitor.min-score")));
        var coverage = byMetric.get(OpsMetric.DRIFT_COVERAGE_CHANGE.type()).getConditionThreshold();
        assertThat(coverage.getComparison().name()).isEqualTo("COMPARISON_LT");
        assertThat(coverage.getThresholdValue())
                .isEqualTo(-Double.parseDouble(props.getProperty("ops.drift.thresholds.coverage-critical-points")));
        var failed = byMetric.get("run.googleapis.com/job/completed_execution_count").getConditionThreshold();
        assertThat(failed.getFilter()).contains("metric.label.result = \"failed\"");
        assertThat(failed.getThresholdValue()).isZero();
        var stale = byMetric.get(OpsMetric.HEARTBEAT_BEAT_AGE_INTERVALS.type()).getConditionThreshold();
        assertThat(stale.getThresholdValue()).as("twice the job's interval").isEqualTo(2.0);
        assertThat(stale.getFilter()).contains("metric.label.processor = starts_with(\"props-ops-\")");

        // the watcher of the others: no metric from heartbeat-monitor for twice its own interval
        var absent = byMetric.get("absent " + OpsMetric.HEARTBEAT_COLLECTION_SIZE.type()).getConditionAbsent();
        Duration monitorInterval = CronGaps.longestGap(DeploymentFiles.yaml(DeploymentFiles.CLOUDRUN
                .resolve("platform/heartbeat-monitor.trigger.yaml")).path("schedule").asText());
        assertThat(Duration.ofSeconds(absent.getDuration().getSeconds())).isEqualTo(monitorInterval.multipliedBy(2));
        // Cloud Monitoring's limit on an absence duration
        assertThat(absent.getDuration().getSeconds()).isLessThanOrEqualTo(23 * 3600 + 1800);
        for (AlertPolicy.Condition c : byMetric.values()) {
            var aggregations = c.hasConditionThreshold() ? c.getConditionThreshold().getAggregationsList()
                    : c.getConditionAbsent().getAggregationsList();
            assertThat(aggregations).allSatisfy(a -> assertThat(a.getAlignmentPeriod().getSeconds()).isBetween(60L, 86400L));
        }
    }

    @Test
    void theCriticalFeaturesAreTheSameInPolicyAndDashboardAndAreConfiguredFeatures() throws IOException {
        Set<String> inPolicies = new TreeSet<>();
        for (Path p : files(".policy.json")) {
            filters(p).forEach(f -> inPolicies.addAll(criticalFeatures(f)));
        }
        Set<String> inDashboard = new TreeSet<>();
        for (Path p : files(".dashboard.json")) {
            filters(p).forEach(f -> inDashboard.addAll(criticalFeatures(f)));
        }
        assertThat(inPolicies).isNotEmpty().isEqualTo(inDashboard).contains("vegas_points_line");
        Set<String> configured = new HashSet<>();
        shipped().forEach((k, v) -> {
            if (k.toString().matches("ops\\.drift\\.[a-z]+\\.checks\\.[a-z-]+\\.features")) {
                Arrays.stream(v.toString().split(",")).map(String::trim).forEach(configured::add);
            }
        });
        assertThat(configured).as("shipped drift-check features").containsAll(inPolicies);
    }

    @Test
    void theApplyScriptSendsEveryFileWithTheGivenChannelsAndRefusesToGuessThem() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "deployment/apply-monitoring.sh", "--dry-run", "--notification-channels",
                "123, projects/nba-props-platform/notificationChannels/456").directory(DeploymentFiles.ROOT.toFile());
        pb.environment().put("PROJECT_ID", "nba-props-platform");
        Process proc = pb.start();
        String out = new String(proc.getInputStream().readAllBytes());
        String err = new String(proc.getErrorStream().readAllBytes());
        assertThat(proc.waitFor()).as(err).isZero();
        Matcher sent = Pattern.compile("(?s)--- deployment/monitoring/(\\S+) as sent ---\n(.*?)\n\\+ ").matcher(out);
        Set<String> seen = new TreeSet<>();
        while (sent.find()) {
            seen.add(sent.group(1));
            if (sent.group(1).endsWith(".policy.json")) {
                AlertPolicy.Builder b = AlertPolicy.newBuilder();
                JsonFormat.parser().merge(sent.group(2), b);
                assertThat(b.getNotificationChannelsList()).containsExactly("projects/nba-props-platform/notificationChannels/123",
                        "projects/nba-props-platform/notificationChannels/456");
                assertThat(b.build()).isEqualTo(policy(DIR.resolve(sent.group(1))).toBuilder()
                        .addAllNotificationChannels(b.getNotificationChannelsList()).build());
            } else {
                Dashboard.Builder b = Dashboard.newBuilder();
                JsonFormat.parser().merge(sent.group(2), b);
                assertThat(b.getName()).isEqualTo("projects/nba-props-platform/dashboards/props-ops");
            }
        }
        Set<String> files = new TreeSet<>();
        files(".json").forEach(f -> files.add(f.getFileName().toString()));
        assertThat(seen).isEqualTo(files);
        assertThat(out).contains("+ gcloud monitoring policies create --project nba-props-platform --policy-from-file",
                "+ gcloud monitoring dashboards update props-ops --project nba-props-platform");
        assertThat(err).contains("dry run: nothing was created or changed");

        Process refused = new ProcessBuilder("bash", "deployment/apply-monitoring.sh", "--dry-run")
                .directory(DeploymentFiles.ROOT.toFile()).start();
        String refusal = new String(refused.getErrorStream().readAllBytes());
        assertThat(refused.waitFor()).isEqualTo(2);
        assertThat(refusal).contains("say which notification channels", "--no-notification-channels");
    }
}
