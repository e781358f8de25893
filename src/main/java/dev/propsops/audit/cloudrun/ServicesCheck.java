package dev.propsops.audit.cloudrun;

import dev.propsops.audit.AuditCheck;
import dev.propsops.audit.AuditContext;
import dev.propsops.audit.CheckResult;
import dev.propsops.audit.Finding;
import dev.propsops.cli.ErrorExplainer;
import dev.propsops.cli.Rating;
import dev.propsops.cli.StoreException;
import dev.propsops.cloudrun.CloudRunReader;
import dev.propsops.cloudrun.Revision;
import dev.propsops.cloudrun.Service;
import dev.propsops.cloudrun.TrafficShare;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Cloud Run services, read from what serves traffic (the traffic statuses), not from the template:
 * <ul>
 * <li>no ready revision serves traffic: CRITICAL;</li>
 * <li>the latest created revision failed while an older, ready one serves: MEDIUM (the service is not Ready,
 * but its traffic is fine: the deployment is what failed);</li>
 * <li>any other service that is not Ready: HIGH;</li>
 * <li>revision counts per service: INFO (Cloud Run deletes non-serving revisions beyond 1,000).</li>
 * </ul>
 */
public final class ServicesCheck implements AuditCheck {
    public static final String ID = "cloud-run-services";
    static final int CLEANUP_AFTER = 1000;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Cloud Run services";
    }

    @Override
    public CheckResult run(AuditContext context) {
        CloudRunReader reader = context.sources().services();
        List<Service> services = reader.services();
        List<Finding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String project = context.project().orElse("PROJECT");
        for (Service s : services) {
            assess(s, project, context.region()).ifPresent(findings::add);
        }
        try {
            Map<String, Long> counts = reader.revisionCounts();
            if (counts.isEmpty()) {
                notes.add("revision counts: the source has no revision list");
            } else {
                long total = counts.values().stream().mapToLong(Long::longValue).sum();
                String most = counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
                findings.add(Finding.of(Rating.INFO, ID, "revisions", total + " revisions across " + counts.size() + " services")
                        .evidence("most: " + most)
                        .evidence("Cloud Run deletes non-serving revisions beyond " + CLEANUP_AFTER + " per service: no action needed")
                        .fact("revisions", total).fact("services", counts.size()).build());
            }
        } catch (StoreException e) {
            problems.add("revision counts: " + ErrorExplainer.explain(e).message());
        }
        notes.add(services.size() + " service(s) read");
        return CheckResult.ran(this, reader.describe(), findings, notes, problems);
    }

    static Optional<Finding> assess(Service s, String project, String region) {
        String where = s.region().isBlank() ? region : s.region();
        String describe = "gcloud run services describe " + s.name() + " --region " + where + " --project " + project;
        String traffic = s.traffic().isEmpty() ? "no traffic" : s.traffic().stream()
                .map(t -> t.revision() + " " + t.percent() + "%").collect(Collectors.joining(", "));
        String why = s.readyCondition().map(c -> c.explain()).filter(x -> !x.isBlank()).orElse("");
        Optional<Boolean> readyServes = readyRevisionServes(s);
        if (readyServes.isPresent() && !readyServes.get()) {
            return Optional.of(Finding.of(Rating.CRITICAL, ID, s.name(), s.name() + ": no ready revision serves traffic")
                    .evidence("traffic: " + traffic)
                    .evidence("latest ready revision: " + s.latestReadyRevision().orElse("none"))
                    .evidence(why.isEmpty() ? "Ready condition: " + readyState(s) : "Ready: " + why)
                    .next(describe + "; then roll back: gcloud run services update-traffic " + s.name()
                            + " --to-revisions=<last good revision>=100 --region " + where)
                    .fact("service", s.name()).fact("traffic", traffic).build());
        }
        Optional<String> latest = s.latestCreatedRevision();
        boolean latestNotServing = latest.isPresent() && !latest.equals(s.latestReadyRevision())
                && s.traffic().stream().noneMatch(t -> t.revision().equals(latest.get()));
        if (!s.ready() && latestNotServing && readyServes.orElse(false) && !readyState(s).equals("UNKNOWN")) {
            return Optional.of(Finding.of(Rating.MEDIUM, ID, s.name(), s.name() + ": latest revision " + latest.get()
                            + " failed; " + s.traffic().get(0).revision() + " still serves")
                    .evidence("traffic: " + traffic)
                    .evidence(why.isEmpty() ? "Ready: False" : "Ready: " + why)
                    .next("gcloud run revisions describe " + latest.get() + " --region " + where + " --project " + project
                            + " (then fix and redeploy)")
                    .fact("service", s.name()).fact("failed_revision", latest.get()).fact("traffic", traffic).build());
        }
        if (!s.ready()) {
            Finding.Builder f = Finding.of(Rating.HIGH, ID, s.name(), s.name() + ": not Ready (" + readyState(s) + ")")
                    .evidence("traffic: " + traffic)
                    .evidence(why.isEmpty() ? "no reason given" : "Ready: " + why)
                    .next(describe);
            if (readyServes.isEmpty()) {
                f.evidence("the export does not tell whether the revisions serving traffic are ready");
            }
            return Optional.of(f.fact("service", s.name()).fact("traffic", traffic).build());
        }
        return Optional.empty();
    }

    private static String readyState(Service s) {
        return s.readyCondition().map(c -> c.state().name()).orElse("no Ready condition");
    }

    /**
     * Whether a ready revision serves traffic; empty when the source cannot tell (a gcloud export that knows
     * only the template's revision). A revision counts as ready when it reports Ready, or when it is the
     * service's latest ready revision.
     */
    static Optional<Boolean> readyRevisionServes(Service s) {
        if (s.traffic().isEmpty()) {
            return Optional.of(false);
        }
        for (TrafficShare t : s.traffic()) {
            if (s.latestReadyRevision().filter(t.revision()::equals).isPresent()) {
                return Optional.of(true);
            }
            Optional<Revision> r = s.serving().stream().filter(x -> x.name().equals(t.revision())).findFirst();
            if (r.map(Revision::ready).orElse(false)) {
                return Optional.of(true);
            }
        }
        if (s.latestReadyRevision().isEmpty()) {
            return Optional.of(false);
        }
        return s.servingKnown() ? Optional.of(false) : Optional.empty();
    }
}
