package dev.propsops.logs.report;

import dev.propsops.cli.OpsException;
import dev.propsops.logs.triage.Assignments;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.BufferedInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * {@code --assignments FILE}: one CSV line {@code index,pattern_id} per entry of the input, in index
 * order, written with bounded memory.
 *
 * <p>Entries get their pattern when their event closes, which is nearly but not exactly in input order (a
 * traceback stays open until its instance writes something else), and patterns may still merge until the
 * input ends. So while reading, provisional pattern numbers go through a window of the next
 * {@value #WINDOW} indices into a temporary file of 4-byte records in index order (an index that closes far
 * past the window waits in a small map); at the end the temporary file is read once and each line is
 * written with the final id. An entry without a pattern (malformed, below --min-severity, another service,
 * outside the windows) has an empty {@code pattern_id}.
 */
public final class AssignmentsFile implements Assignments {
    static final int WINDOW = 1 << 16;
    private static final int UNSET = Integer.MIN_VALUE;
    private static final int NONE = -1;

    private final Path target;
    private final Path temp;
    private final DataOutputStream spool;
    private final int[] ring = new int[WINDOW];
    private final Map<Long, Integer> far = new HashMap<>();
    private long base;
    private long high = -1;
    private long written;

    private AssignmentsFile(Path target, Path temp, DataOutputStream spool) {
        this.target = target;
        this.temp = temp;
        this.spool = spool;
        Arrays.fill(ring, UNSET);
    }

    /** Opens the file for writing (checked now, so that a bad path fails before the read). */
    public static AssignmentsFile create(Path target) {
        try {
            Path dir = target.toAbsolutePath().getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                throw OpsException.usage("--assignments " + target + ": the folder " + dir + " does not exist", "create it, or pick another path");
            }
            Files.newBufferedWriter(target, StandardCharsets.UTF_8).close();
            Path temp = Files.createTempFile(dir, ".assignments-", ".tmp");
            temp.toFile().deleteOnExit();
            return new AssignmentsFile(target, temp, new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)));
        } catch (IOException e) {
            throw OpsException.usage("--assignments " + target + ": cannot write it: " + e.getMessage(), "check the path and its permissions");
        }
    }

    @Override
    public void assign(long index, int provisional) {
        put(index, provisional);
    }

    @Override
    public void skip(long index) {
        put(index, NONE);
    }

    private void put(long index, int value) {
        high = Math.max(high, index);
        if (index < base) {
            throw new IllegalStateException("entry " + index + " was assigned twice");
        }
        if (index >= base + WINDOW) {
            far.put(index, value);
            return;
        }
        ring[(int) (index % WINDOW)] = value;
        drain();
    }

    /** Spools the indices from {@code base} on that are known, in order. */
    private void drain() {
        try {
            while (true) {
                int slot = (int) (base % WINDOW);
                int v = ring[slot];
                if (v == UNSET) {
                    return;
                }
                spool.writeInt(v);
                ring[slot] = UNSET;
                base++;
                Integer waiting = far.remove(base + WINDOW - 1);
                if (waiting != null) {
                    ring[(int) ((base + WINDOW - 1) % WINDOW)] = waiting;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the temporary assignments file " + temp, e);
        }
    }

    @Override
    public void finish(IntUnaryOperator finalId) {
        try {
            // indices never seen (cannot happen with a complete read) are written without a pattern
            while (base <= high) {
                int slot = (int) (base % WINDOW);
                if (ring[slot] == UNSET) {
                    ring[slot] = NONE;
                }
                drain();
            }
            spool.close();
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(temp), 1 << 16));
                    BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                StringBuilder line = new StringBuilder(32);
                for (long i = 0; i < base; i++) {
                    int v;
                    try {
                        v = in.readInt();
                    } catch (EOFException e) {
                        break;
                    }
                    line.setLength(0);
                    line.append(i).append(',');
                    if (v >= 0) {
                        line.append(finalId.applyAsInt(v));
                    }
                    line.append('\n');
                    out.append(line);
                    written++;
                }
            }
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            throw OpsException.failed("could not write --assignments " + target + ": " + e.getMessage(), "check the disk space and permissions", e);
        }
    }

    @Override
    public java.util.Optional<String> describe() {
        return java.util.Optional.of(target.toString());
    }

    @Override
    public long written() {
        return written;
    }
}
