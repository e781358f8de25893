package dev.propsops.heartbeat.cleanup;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** What the migration step did, processor by processor. */
public final class Migrations {
    private final Set<String> created = new TreeSet<>();
    private final Set<String> alreadyThere = new TreeSet<>();
    private final Map<String, String> failed = new TreeMap<>();

    void created(String processor) {
        created.add(processor);
    }

    void alreadyThere(String processor) {
        alreadyThere.add(processor);
    }

    void failed(String processor, String why) {
        failed.put(processor, why);
    }

    /** The processor's canonical doc exists now, so its legacy docs may go. */
    public boolean confirmed(String processor) {
        return created.contains(processor) || alreadyThere.contains(processor);
    }

    /** Canonical docs this run created from a legacy doc. */
    public Set<String> created() {
        return Collections.unmodifiableSet(created);
    }

    /** Canonical docs found already there when the run came to create them (a live processor, another task). */
    public Set<String> alreadyThere() {
        return Collections.unmodifiableSet(alreadyThere);
    }

    /** Processors whose copy failed, and why: none of their legacy docs were deleted. */
    public Map<String, String> failed() {
        return Collections.unmodifiableMap(failed);
    }
}
