package dev.propsops.repo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A real git repository in a temp folder, built commit by commit with JGit. Commit times are fixed (one
 * hour apart from {@link #START}), so ages in reports are the same on every run.
 */
public final class GitFixture implements AutoCloseable {
    public static final Instant START = Instant.parse("2026-01-20T08:00:00Z");

    private final Git git;
    private final Path dir;
    private int commits;

    private GitFixture(Git git, Path dir) {
        this.git = git;
        this.dir = dir;
    }

    public static GitFixture init(Path dir) {
        try {
            return new GitFixture(Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Git git() {
        return git;
    }

    public GitFixture write(String path, String content) {
        try {
            Path p = dir.resolve(path);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public GitFixture executable(String path, String content) {
        write(path, content);
        dir.resolve(path).toFile().setExecutable(true);
        return this;
    }

    public GitFixture delete(String path) {
        try {
            Files.delete(dir.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves a file, as git mv does (the commit records a delete and an add, which rename detection pairs up). */
    public GitFixture move(String from, String to) {
        try {
            Path target = dir.resolve(to);
            Files.createDirectories(target.getParent());
            Files.move(dir.resolve(from), target);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits everything in the work tree (adds, changes, deletes); returns the commit id. */
    public String commit(String message) {
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            PersonIdent who = ident();
            RevCommit c = git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).setAllowEmpty(true).call();
            return c.name();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The time the next commit gets. */
    public Instant nextTime() {
        return START.plusSeconds(3600L * commits);
    }

    private PersonIdent ident() {
        Instant t = START.plusSeconds(3600L * commits++);
        return new PersonIdent("Dev One", "dev@example.com", Date.from(t), TimeZone.getTimeZone("UTC"));
    }

    public GitFixture branch(String name) {
        try {
            git.branchCreate().setName(name).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public GitFixture checkout(String name) {
        try {
            git.checkout().setName(name).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Merges a branch into the checked-out one with a merge commit (never a fast-forward); returns its id. */
    public String merge(String branch, String message) {
        try {
            git.merge().include(git.getRepository().resolve(branch)).setCommit(false)
                    .setFastForward(MergeCommand.FastForwardMode.NO_FF).call();
            return commit(message);
        } catch (GitAPIException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
