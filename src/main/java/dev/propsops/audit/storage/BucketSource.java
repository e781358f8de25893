package dev.propsops.audit.storage;

import java.util.List;
import java.util.Map;

/**
 * The project's buckets (the Storage JSON API, or {@code buckets.json}) and their sizes (Cloud Monitoring's
 * daily {@code storage/total_bytes}, or {@code bucket-sizes.json}). Sizes are read apart, so that a bucket
 * list without sizes still makes a report.
 */
public interface BucketSource {
    String describe();

    List<Bucket> buckets();

    /** Bytes per bucket name, from the latest daily sample (all storage classes summed). */
    Map<String, Long> sizes();

    /** The project number the buckets carry, if the source tells it. */
    java.util.Optional<String> projectNumber();
}
