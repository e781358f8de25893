package dev.propsops.audit.storage;

/** A bucket as the audit sees it: its name, where and how it stores, and whether something manages its objects' age. */
public record Bucket(String name, String location, String storageClass, int lifecycleRules, boolean autoclass) {
}
