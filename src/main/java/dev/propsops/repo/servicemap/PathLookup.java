package dev.propsops.repo.servicemap;

import java.nio.file.Files;
import java.nio.file.Path;

/** What a repository path is: in a work tree, or in a commit's tree (a bare clone has no work tree). */
@FunctionalInterface
public interface PathLookup {
    enum Type {
        NONE,
        FILE,
        DIRECTORY
    }

    /** The type of a '/'-separated path relative to the repository root. */
    Type type(String path);

    /** Paths of a directory on disk. */
    static PathLookup directory(Path root) {
        return path -> {
            Path p = path.isEmpty() || path.equals(".") ? root : root.resolve(path);
            if (Files.isDirectory(p)) {
                return Type.DIRECTORY;
            }
            return Files.isRegularFile(p) ? Type.FILE : Type.NONE;
        };
    }
}
