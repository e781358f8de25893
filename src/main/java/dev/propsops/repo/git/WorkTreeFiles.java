package dev.propsops.repo.git;

import dev.propsops.cli.OpsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;

/**
 * The files of a work tree as git sees them: everything but what .gitignore (and .git/info/exclude)
 * ignores, so build output and editor files never count. A folder that is not in a git repository is
 * listed whole, without its .git.
 *
 * @param root the work tree's root (a folder given inside a work tree stands for the whole repository)
 * @param files repository-relative, '/'-separated paths, sorted
 * @param git whether the folder is a git work tree (else it was listed as plain files)
 */
public record WorkTreeFiles(Path root, List<String> files, boolean git) {
    public WorkTreeFiles {
        files = List.copyOf(files);
    }

    /** The files of the work tree {@code dir} is in, or of {@code dir} itself when it is in none. */
    public static WorkTreeFiles of(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw OpsException.usage("--repo " + dir + ": no such directory", "give the path of the repository's work tree");
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(abs.toFile());
        if (builder.getGitDir() != null) {
            try (Repository repo = builder.setMustExist(true).setup().build()) {
                if (!repo.isBare()) {
                    return new WorkTreeFiles(repo.getWorkTree().toPath().toAbsolutePath().normalize(), gitFiles(repo), true);
                }
            } catch (IOException | IllegalArgumentException e) {
                // not a usable repository: list the folder as it is
            }
        }
        return new WorkTreeFiles(abs, plainFiles(abs), false);
    }

    private static List<String> gitFiles(Repository repo) throws IOException {
        List<String> out = new ArrayList<>();
        try (TreeWalk tw = new TreeWalk(repo)) {
            tw.addTree(new FileTreeIterator(repo));
            tw.setRecursive(false);
            while (tw.next()) {
                WorkingTreeIterator it = tw.getTree(0, WorkingTreeIterator.class);
                if (it.isEntryIgnored()) {
                    continue;
                }
                if (tw.isSubtree()) {
                    tw.enterSubtree();
                } else {
                    out.add(tw.getPathString());
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static List<String> plainFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(".git") && !p.startsWith(".git/"))
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw OpsException.failed("cannot list the files of " + root + ": " + e.getMessage(), "check its permissions", e);
        }
    }
}
