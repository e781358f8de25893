package dev.propsops.audit.storage;

import dev.propsops.audit.AuditCheck;
import dev.propsops.audit.AuditContext;
import dev.propsops.audit.CheckResult;
import dev.propsops.audit.CheckSkipped;
import dev.propsops.audit.Finding;
import dev.propsops.cli.ErrorExplainer;
import dev.propsops.cli.Rating;
import dev.propsops.cli.ByteSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Buckets without lifecycle rules: LOW, with their size and a rule ready to apply (objects to Coldline at
 * {@code ops.audit.buckets.coldline-after-days}, 365). Buckets with Autoclass are left alone: Autoclass moves
 * objects between classes by itself. Calls: one bucket listing (paged) and one Monitoring read for all sizes.
 */
public final class BucketsCheck implements AuditCheck {
    public static final String ID = "storage";

    private final int coldlineAfterDays;

    public BucketsCheck(int coldlineAfterDays) {
        this.coldlineAfterDays = coldlineAfterDays;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Cloud Storage buckets";
    }

    /** The suggested rule, as {@code gcloud storage buckets update --lifecycle-file} takes it. */
    public String suggestedRule() {
        return "{\"rule\": [{\"action\": {\"type\": \"SetStorageClass\", \"storageClass\": \"COLDLINE\"}, "
                + "\"condition\": {\"age\": " + coldlineAfterDays + ", \"matchesStorageClass\": [\"STANDARD\", \"NEARLINE\"]}}]}";
    }

    @Override
    public CheckResult run(AuditContext context) {
        BucketSource source = context.sources().buckets();
        List<Bucket> buckets = source.buckets();
        List<String> notes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Long> sizes = Map.of();
        boolean sized = false;
        try {
            sizes = source.sizes();
            sized = true;
        } catch (CheckSkipped e) {
            notes.add("sizes: " + e.reason());
        } catch (RuntimeException e) {
            problems.add("bucket sizes from Cloud Monitoring: " + ErrorExplainer.explain(e).message());
        }
        List<Finding> findings = new ArrayList<>();
        for (Bucket b : buckets) {
            if (b.lifecycleRules() > 0 || b.autoclass()) {
                continue;
            }
            Long size = sizes.get(b.name());
            String shown = size != null ? ByteSize.format(size) : sized ? "no size sample in the last day" : "size unknown";
            findings.add(Finding.of(Rating.LOW, ID, b.name(), "bucket " + b.name() + " has no lifecycle rules (" + shown + ")")
                    .evidence("location " + (b.location().isBlank() ? "?" : b.location()) + ", default class "
                            + (b.storageClass().isBlank() ? "?" : b.storageClass()) + ", size " + shown
                            + (size != null ? " (storage/total_bytes, latest daily sample)" : ""))
                    .evidence("suggested rule (save as lifecycle.json): " + suggestedRule())
                    .evidence("note: Coldline bills every object for at least 90 days (deleting or moving it earlier costs the "
                            + "rest) and charges a retrieval fee per GB read: use it for data read rarely")
                    .next("gcloud storage buckets update gs://" + b.name() + " --lifecycle-file=lifecycle.json")
                    .fact("bucket", b.name()).fact("size_bytes", size).fact("suggested_lifecycle", suggestedRule()).build());
        }
        notes.add(buckets.size() + " bucket(s) read");
        return CheckResult.ran(this, source.describe(), findings, notes, problems);
    }
}
