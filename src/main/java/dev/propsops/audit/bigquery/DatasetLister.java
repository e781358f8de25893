package dev.propsops.audit.bigquery;

import java.util.List;

/** The datasets of the project: online {@code datasets.list} (paged), offline the {@code tables/<dataset>.json} files. */
public interface DatasetLister {
    String describe();

    /** Every dataset, with its location when the source knows it (else empty). */
    List<DatasetRef> datasets();

    record DatasetRef(String dataset, String location) {
    }
}
