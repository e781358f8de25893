package dev.propsops.heartbeat.cleanup;

import dev.propsops.cli.Invocation;
import dev.propsops.cli.OpsException;
import java.nio.charset.StandardCharsets;

/**
 * This task's share of a sharded run (Cloud Run's {@code CLOUD_RUN_TASK_INDEX} of
 * {@code CLOUD_RUN_TASK_COUNT}): the documents whose id hashes to its index. A pure function of the id,
 * so shares are disjoint and together cover every document exactly once, whenever each task starts and
 * however the collection changes meanwhile; and balanced to the document, whatever the ids look like.
 */
public record Shard(int index, int count) {
    public static final String TASK_INDEX = "CLOUD_RUN_TASK_INDEX";
    public static final String TASK_COUNT = "CLOUD_RUN_TASK_COUNT";
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("task " + index + " of " + count + " is not a valid share");
        }
    }

    /** The share Cloud Run gives this task; the whole collection when the variables are unset. */
    public static Shard fromEnvironment(Invocation invocation) {
        String rawCount = invocation.env(TASK_COUNT).orElse("1");
        String rawIndex = invocation.env(TASK_INDEX).orElse("0");
        try {
            return new Shard(Integer.parseInt(rawIndex), Integer.parseInt(rawCount));
        } catch (IllegalArgumentException e) {
            throw OpsException.usage(TASK_INDEX + "=" + rawIndex + " and " + TASK_COUNT + "=" + rawCount
                    + " do not name a task (index from 0 to count-1)", "leave both unset for a single task; Cloud Run sets them itself");
        }
    }

    public boolean sharded() {
        return count > 1;
    }

    public boolean owns(String documentId) {
        return count == 1 || Math.floorMod(fnv1a(documentId), count) == index;
    }

    /** 64-bit FNV-1a over UTF-8: stable across JVMs, versions and machines, and well spread. */
    static long fnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return h;
    }

    @Override
    public String toString() {
        return "task " + index + " of " + count;
    }
}
