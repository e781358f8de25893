package dev.propsops.staging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.propsops.cli.OpsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The restore manifest of {@code delete}: a JSON-lines file, appended to (never truncated), each line on
 * disk (written and forced) before the delete it describes is sent. Opened before the first delete, so an
 * unwritable path stops the run before anything is deleted.
 */
public final class RestoreManifest implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;

    private RestoreManifest(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    public static RestoreManifest open(Path path) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            return new RestoreManifest(path, channel);
        } catch (IOException | SecurityException e) {
            throw OpsException.failed("cannot open the restore manifest " + path + " for appending (" + e
                    + "): nothing was deleted", "pass --manifest with a writable file path", e);
        }
    }

    public Path path() {
        return path;
    }

    /** Appends one line and forces it to disk; a failure stops the deletes (never delete without a line). */
    public void append(ObjectNode line) {
        byte[] bytes = (line.toString().replace("\n", " ") + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw OpsException.failed("cannot write to the restore manifest " + path + " (" + e
                    + "): stopped before the next delete", "check the disk, then re-run: deleted tables are not listed again", e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // every line was already forced to disk
        }
    }
}
