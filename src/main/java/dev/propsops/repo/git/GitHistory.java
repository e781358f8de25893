package dev.propsops.repo.git;

import dev.propsops.cli.OpsException;
import dev.propsops.cli.StoreException;
import dev.propsops.repo.servicemap.PathLookup;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * A git repository read in-process with JGit (no git binary): which commit a branch is at, what an id
 * names, which commits touched a set of paths, and what changed in them between two commits. Paths are
 * repository-relative; one ending with {@code /} is a directory, {@code .} is the whole tree.
 */
public final class GitHistory implements AutoCloseable {
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{7,40}");
    /** Rename hunting stops after this many rounds (each round finds older names of renamed files). */
    private static final int MAX_RENAME_ROUNDS = 8;

    private final Repository repo;
    private final Path where;

    private GitHistory(Repository repo, Path where) {
        this.repo = repo;
        this.where = where;
    }

    /** The repository at {@code dir} (a work tree, any folder inside one, or a bare clone); exit 2 when there is none. */
    public static GitHistory open(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw OpsException.usage("--repo " + dir + ": no such directory", "give the path of a git clone");
        }
        try {
            FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true).findGitDir(abs.toFile());
            if (builder.getGitDir() == null) {
                File bare = abs.toFile();
                if (!new File(bare, "objects").isDirectory() || !new File(bare, "HEAD").isFile()) {
                    throw OpsException.usage("--repo " + dir + " is not in a git repository",
                            "give the path of a git clone (a work tree or a bare clone: git clone --bare URL)");
                }
                builder = new FileRepositoryBuilder().setMustExist(true).setGitDir(bare);
            }
            Repository repo = builder.setup().build();
            return new GitHistory(repo, repo.isBare() ? repo.getDirectory().toPath() : repo.getWorkTree().toPath());
        } catch (IOException | IllegalArgumentException e) {
            throw OpsException.usage("--repo " + dir + ": cannot open the git repository: " + e.getMessage(),
                    "give the path of a git clone");
        }
    }

    /** The work tree, or the git directory of a bare clone. */
    public Path location() {
        return where;
    }

    /** The work tree's root, when the repository has one. */
    public Optional<Path> workTree() {
        return repo.isBare() ? Optional.empty() : Optional.of(repo.getWorkTree().toPath());
    }

    /** True for a shallow clone: its history is cut, so what is missing from it proves nothing. */
    public boolean shallow() {
        try {
            return !repo.getObjectDatabase().getShallowCommits().isEmpty();
        } catch (IOException e) {
            throw failure("read the shallow commits", e);
        }
    }

    /** The branch's tip: {@code ref} (a branch, tag, remote branch or commit), by default the checked-out HEAD. */
    public Branch branch(Optional<String> ref) {
        String name = ref.orElse(Constants.HEAD);
        try {
            ObjectId id = repo.resolve(name + "^{commit}");
            if (id == null) {
                if (ref.isEmpty()) {
                    throw OpsException.usage(where + ": HEAD has no commit yet", "commit something, or give --branch");
                }
                throw OpsException.usage("--branch " + name + ": no such branch, tag or commit in " + where,
                        "give a branch of the repository (git branch -a lists them), e.g. --branch main or --branch origin/main");
            }
            String label = name;
            if (ref.isEmpty()) {
                Ref head = repo.exactRef(Constants.HEAD);
                label = head != null && head.isSymbolic() ? Repository.shortenRefName(head.getTarget().getName()) : "HEAD (detached)";
            }
            try (RevWalk rw = new RevWalk(repo)) {
                return new Branch(label, info(rw.parseCommit(id)));
            }
        } catch (org.eclipse.jgit.errors.RevisionSyntaxException e) {
            throw OpsException.usage("--branch " + name + " is not a valid revision: " + e.getMessage(), null);
        } catch (IOException e) {
            throw failure("resolve " + name, e);
        }
    }

    /** A branch's name as given (or the checked-out branch) and the commit it is at. */
    public record Branch(String name, CommitInfo tip) {
    }

    /** The paths of a commit's tree: what a service map names is checked against the branch, not the disk. */
    public PathLookup paths(CommitInfo commit) {
        return path -> {
            if (path.isEmpty() || path.equals(".")) {
                return PathLookup.Type.DIRECTORY;
            }
            try (RevWalk rw = new RevWalk(repo); TreeWalk tw = TreeWalk.forPath(repo, path, rw.parseCommit(ObjectId.fromString(commit.id())).getTree())) {
                if (tw == null) {
                    return PathLookup.Type.NONE;
                }
                return tw.isSubtree() ? PathLookup.Type.DIRECTORY : PathLookup.Type.FILE;
            } catch (IOException e) {
                throw failure("look up " + path, e);
            }
        };
    }

    /** A file of a commit's tree as text, if it is there. */
    public Optional<String> read(CommitInfo commit, String path) {
        try (RevWalk rw = new RevWalk(repo); TreeWalk tw = TreeWalk.forPath(repo, path, rw.parseCommit(ObjectId.fromString(commit.id())).getTree())) {
            if (tw == null || tw.isSubtree()) {
                return Optional.empty();
            }
            return Optional.of(new String(repo.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw failure("read " + path, e);
        }
    }

    /** Whether a text could be a commit id (7 to 40 hex digits). */
    public static boolean looksLikeCommit(String text) {
        return text != null && HEX.matcher(text).matches();
    }

    /** What a full or abbreviated id names. Abbreviations resolve only when exactly one commit has them. */
    public Resolution resolve(String id) {
        String hex = id.toLowerCase(java.util.Locale.ROOT);
        if (!looksLikeCommit(hex)) {
            return new Resolution.Missing(id);
        }
        try (ObjectReader reader = repo.newObjectReader(); RevWalk rw = new RevWalk(reader)) {
            Collection<ObjectId> candidates = hex.length() == 40 ? List.of(ObjectId.fromString(hex))
                    : reader.resolve(AbbreviatedObjectId.fromString(hex));
            List<ObjectId> commits = new ArrayList<>();
            String otherType = null;
            for (ObjectId c : candidates) {
                if (!reader.has(c)) {
                    continue;
                }
                int type = reader.open(c).getType();
                if (type == Constants.OBJ_COMMIT) {
                    commits.add(c);
                } else {
                    otherType = Constants.typeString(type);
                }
            }
            if (commits.size() == 1) {
                return new Resolution.Found(info(rw.parseCommit(commits.get(0))));
            }
            if (commits.size() > 1) {
                return new Resolution.Ambiguous(id, commits.stream().map(ObjectId::name).sorted().toList());
            }
            return otherType != null ? new Resolution.NotACommit(id, otherType) : new Resolution.Missing(id);
        } catch (MissingObjectException e) {
            return new Resolution.Missing(id);
        } catch (IOException e) {
            throw failure("resolve commit " + id, e);
        }
    }

    /** Whether {@code ancestor} is {@code descendant} or one of its ancestors. */
    public boolean isAncestor(CommitInfo ancestor, CommitInfo descendant) {
        try (RevWalk rw = new RevWalk(repo)) {
            return rw.isMergedInto(rw.parseCommit(ObjectId.fromString(ancestor.id())), rw.parseCommit(ObjectId.fromString(descendant.id())));
        } catch (IOException e) {
            throw failure("compare " + ancestor.shortId() + " with " + descendant.shortId(), e);
        }
    }

    /** The newest commit reachable from {@code tip} that touched any of the paths, as {@code git log -1 -- paths} finds it. */
    public Optional<CommitInfo> latestTouching(CommitInfo tip, List<String> paths) {
        try (RevWalk rw = walk(paths)) {
            rw.markStart(rw.parseCommit(ObjectId.fromString(tip.id())));
            RevCommit c = rw.next();
            return c == null ? Optional.empty() : Optional.of(info(c));
        } catch (IOException e) {
            throw failure("read the history of " + String.join(", ", paths), e);
        }
    }

    /**
     * The commits of {@code tip} touching the paths that {@code deployed} does not contain, and the files that
     * differ. Renamed files are followed: a file now in the paths that was renamed after the deployed commit
     * is tracked under its old name too, so the commits before the rename count.
     */
    public Changes changesSince(CommitInfo deployed, CommitInfo tip, List<String> paths) {
        Set<String> tracked = new LinkedHashSet<>(paths);
        List<String> followed = new ArrayList<>();
        try (ObjectReader reader = repo.newObjectReader()) {
            List<RevCommit> commits = List.of();
            for (int round = 0; round < MAX_RENAME_ROUNDS; round++) {
                commits = range(deployed, tip, List.copyOf(tracked));
                List<String> older = new ArrayList<>();
                for (RevCommit c : commits) {
                    if (c.getParentCount() != 1) {
                        continue;
                    }
                    for (DiffEntry e : diff(reader, c.getParent(0).getTree(), c.getTree(), null)) {
                        if (e.getChangeType() == DiffEntry.ChangeType.RENAME && covers(tracked, e.getNewPath())
                                && !covers(tracked, e.getOldPath())) {
                            older.add(e.getOldPath());
                        }
                    }
                }
                if (older.isEmpty()) {
                    break;
                }
                tracked.addAll(older);
                followed.addAll(older);
            }
            List<CommitInfo> infos = commits.stream().map(GitHistory::info).toList();
            List<FileChange> files = new ArrayList<>();
            try (RevWalk rw = new RevWalk(reader)) {
                for (DiffEntry e : diff(reader, rw.parseCommit(ObjectId.fromString(deployed.id())).getTree(),
                        rw.parseCommit(ObjectId.fromString(tip.id())).getTree(), List.copyOf(tracked))) {
                    files.add(change(e));
                }
            }
            return new Changes(infos, files, followed);
        } catch (IOException e) {
            throw failure("compare " + deployed.shortId() + " with " + tip.shortId(), e);
        }
    }

    private List<RevCommit> range(CommitInfo deployed, CommitInfo tip, List<String> paths) throws IOException {
        try (RevWalk rw = walk(paths)) {
            rw.markStart(rw.parseCommit(ObjectId.fromString(tip.id())));
            rw.markUninteresting(rw.parseCommit(ObjectId.fromString(deployed.id())));
            List<RevCommit> out = new ArrayList<>();
            for (RevCommit c : rw) {
                out.add(c);
            }
            return out;
        }
    }

    private RevWalk walk(List<String> paths) {
        RevWalk rw = new RevWalk(repo);
        TreeFilter filter = filter(paths);
        rw.setTreeFilter(filter == TreeFilter.ALL ? TreeFilter.ANY_DIFF : AndTreeFilter.create(filter, TreeFilter.ANY_DIFF));
        return rw;
    }

    private static TreeFilter filter(List<String> paths) {
        List<String> p = paths.stream().map(GitHistory::strip).toList();
        if (p.isEmpty() || p.contains(".")) {
            return TreeFilter.ALL;
        }
        return PathFilterGroup.createFromStrings(p);
    }

    /** The diff of two trees, renames detected; restricted to the paths when given (renames from outside show as adds). */
    private List<DiffEntry> diff(ObjectReader reader, ObjectId from, ObjectId to, List<String> paths) throws IOException {
        try (TreeWalk tw = new TreeWalk(reader)) {
            tw.setRecursive(true);
            tw.addTree(from);
            tw.addTree(to);
            TreeFilter f = paths == null ? TreeFilter.ALL : filter(paths);
            tw.setFilter(f == TreeFilter.ALL ? TreeFilter.ANY_DIFF : AndTreeFilter.create(f, TreeFilter.ANY_DIFF));
            List<DiffEntry> entries = DiffEntry.scan(tw);
            RenameDetector rd = new RenameDetector(reader, repo.getConfig().get(DiffConfig.KEY));
            rd.addAll(entries);
            return rd.compute();
        }
    }

    private static FileChange change(DiffEntry e) {
        return switch (e.getChangeType()) {
            case ADD -> new FileChange(FileChange.Change.ADD, e.getNewPath(), Optional.empty());
            case DELETE -> new FileChange(FileChange.Change.DELETE, e.getOldPath(), Optional.empty());
            case MODIFY -> new FileChange(FileChange.Change.MODIFY, e.getNewPath(), Optional.empty());
            case RENAME -> new FileChange(FileChange.Change.RENAME, e.getNewPath(), Optional.of(e.getOldPath()));
            case COPY -> new FileChange(FileChange.Change.COPY, e.getNewPath(), Optional.of(e.getOldPath()));
        };
    }

    /** Whether a file path lies within one of the tracked paths. */
    static boolean covers(Set<String> tracked, String path) {
        for (String t : tracked) {
            String s = strip(t);
            if (s.equals(".") || path.equals(s) || path.startsWith(s + "/")) {
                return true;
            }
        }
        return false;
    }

    private static String strip(String path) {
        return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    }

    private static CommitInfo info(RevCommit c) {
        return new CommitInfo(c.name(), Instant.ofEpochSecond(c.getCommitTime()), c.getAuthorIdent().getName(), c.getShortMessage());
    }

    private StoreException failure(String operation, IOException e) {
        return new StoreException(operation, "git repository " + where, null, e);
    }

    @Override
    public void close() {
        repo.close();
    }
}
