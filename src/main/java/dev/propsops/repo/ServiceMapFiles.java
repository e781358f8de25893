package dev.propsops.repo;

import dev.propsops.cli.OpsException;
import dev.propsops.repo.git.CommitInfo;
import dev.propsops.repo.git.GitHistory;
import dev.propsops.repo.servicemap.PathLookup;
import dev.propsops.repo.servicemap.ServiceMap;
import dev.propsops.repo.servicemap.ServiceMapReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Where the two commands find the service map: {@code --services FILE}, else the repository's default file. */
final class ServiceMapFiles {
    private ServiceMapFiles() {
    }

    /** A map file on disk; its paths are checked with {@code lookup}. */
    static ServiceMap fromDisk(Path file, String name, PathLookup lookup) {
        try {
            return ServiceMapReader.read(name, Files.readString(file, StandardCharsets.UTF_8), lookup);
        } catch (NoSuchFileException e) {
            throw OpsException.usage("no service map at " + file, "write one (see the README, section deploy-drift) or give --services FILE");
        } catch (IOException e) {
            throw OpsException.usage("cannot read the service map " + name + ": " + e.getMessage(), "check the path and its permissions");
        }
    }

    /** The default map of a branch, for a bare clone or a branch other than the checked-out one. */
    static ServiceMap fromBranch(GitHistory git, CommitInfo tip, String branch, String relative) {
        Optional<String> text = git.read(tip, relative);
        if (text.isEmpty()) {
            throw OpsException.usage("no service map " + relative + " on " + branch + " (" + tip.shortId() + ")",
                    "commit one (see the README, section deploy-drift) or give --services FILE");
        }
        return ServiceMapReader.read(relative + " (on " + branch + ")", text.get(), git.paths(tip));
    }

    /** How a path on disk is named in messages: relative to the repository when it is inside it. */
    static String name(Path file, Path root) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString().replace('\\', '/') : file.toString();
    }
}
