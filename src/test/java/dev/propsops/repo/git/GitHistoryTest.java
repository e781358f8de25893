package dev.propsops.repo.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.propsops.cli.ExitCode;
import dev.propsops.cli.OpsException;
import dev.propsops.repo.GitFixture;
import dev.propsops.repo.servicemap.PathLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitHistory on real repositories built with JGit: linear history, a merge, a rename, commits absent from it. */
class GitHistoryTest {
    static final List<String> WORKER = List.of("predictions/worker/", "shared/", "predictions/worker/Dockerfile");

    @TempDir
    Path dir;

    private static CommitInfo commit(GitHistory g, String id) {
        return ((Resolution.Found) g.resolve(id)).commit();
    }

    @Test
    void linearHistoryLatestChangeAndWhatADeployedCommitLacks() {
        String c1, c2, c3, c4;
        try (GitFixture f = GitFixture.init(dir)) {
            c1 = f.write("predictions/worker/worker.py", "v1\n").write("shared/utils.py", "u1\n").write("docs/a.md", "a\n")
                    .write("predictions/worker/Dockerfile", "FROM python:3.12\n").commit("add the worker");
            c2 = f.write("docs/a.md", "b\n").commit("docs only");
            c3 = f.write("predictions/worker/worker.py", "v2\n").commit("worker: v2");
            c4 = f.write("shared/utils.py", "u2\n").commit("shared: u2");
            f.write("docs/a.md", "c\n").commit("docs again");
        }
        try (GitHistory g = GitHistory.open(dir)) {
            GitHistory.Branch main = g.branch(Optional.empty());
            assertThat(main.name()).isEqualTo("main");
            assertThat(g.latestTouching(main.tip(), WORKER)).map(CommitInfo::id).contains(c4);
            assertThat(g.latestTouching(main.tip(), List.of("docs/"))).map(CommitInfo::subject).contains("docs again");

            Changes sinceC2 = g.changesSince(commit(g, c2), main.tip(), WORKER);
            assertThat(sinceC2.commits()).extracting(CommitInfo::id).containsExactly(c4, c3);
            assertThat(sinceC2.files()).extracting(FileChange::describe)
                    .containsExactly("M predictions/worker/worker.py", "M shared/utils.py");
            assertThat(g.isAncestor(commit(g, c2), main.tip())).isTrue();

            assertThat(g.changesSince(commit(g, c4), main.tip(), WORKER).commits()).isEmpty();
            assertThat(g.changesSince(commit(g, c1), main.tip(), List.of(".")).commits()).hasSize(4);
            assertThat(g.isAncestor(main.tip(), commit(g, c1))).isFalse();
        }
    }

    @Test
    void abbreviatedIdsResolveAndOthersAreMissingOrNotCommits() throws Exception {
        String c1;
        try (GitFixture f = GitFixture.init(dir)) {
            c1 = f.write("a.txt", "a\n").commit("one");
            f.write("a.txt", "b\n").commit("two");
        }
        try (GitHistory g = GitHistory.open(dir)) {
            assertThat(g.resolve(c1.substring(0, 7))).isInstanceOfSatisfying(Resolution.Found.class,
                    r -> assertThat(r.commit().id()).isEqualTo(c1));
            assertThat(g.resolve(c1.substring(0, 10).toUpperCase())).isInstanceOf(Resolution.Found.class);
            assertThat(g.resolve(c1)).isInstanceOf(Resolution.Found.class);
            assertThat(g.resolve("0123456789abcdef0123456789abcdef01234567")).isInstanceOf(Resolution.Missing.class);
            assertThat(g.resolve("deadbee")).isInstanceOf(Resolution.Missing.class);
            assertThat(g.resolve("abc")).as("too short to be a commit").isInstanceOf(Resolution.Missing.class);
            assertThat(g.resolve("not-hex!")).isInstanceOf(Resolution.Missing.class);
            String blob;
            try (Git git = Git.open(dir.toFile())) {
                blob = git.getRepository().resolve(c1 + ":a.txt").name();
            }
            assertThat(g.resolve(blob)).isInstanceOfSatisfying(Resolution.NotACommit.class, r -> assertThat(r.type()).isEqualTo("blob"));
        }
    }

    @Test
    void aMergeBringsInTheOtherSidesChangeAndSimplifiesTheLatestCommit() {
        String base, feature, mainOnly, merge, hotfix;
        try (GitFixture f = GitFixture.init(dir)) {
            base = f.write("svc/app.py", "1\n").write("other/o.txt", "1\n").commit("base");
            f.branch("feature").branch("hotfix");
            f.checkout("feature");
            feature = f.write("svc/app.py", "2\n").commit("feature: svc change");
            f.checkout("hotfix");
            hotfix = f.write("svc/hot.py", "fix\n").commit("hotfix, never merged");
            f.checkout("main");
            mainOnly = f.write("other/o.txt", "2\n").commit("main: other change");
            merge = f.merge("feature", "merge feature");
        }
        try (GitHistory g = GitHistory.open(dir)) {
            CommitInfo tip = g.branch(Optional.empty()).tip();
            assertThat(tip.id()).isEqualTo(merge);
            // the merge takes svc/ unchanged from the feature side: git log -1 -- svc/ names the feature commit
            assertThat(g.latestTouching(tip, List.of("svc/"))).map(CommitInfo::id).contains(feature);
            // main's own commit before the merge lacks the feature's change, though it is newer than base
            assertThat(g.changesSince(commit(g, mainOnly), tip, List.of("svc/")).commits()).extracting(CommitInfo::id).containsExactly(feature);
            assertThat(g.changesSince(commit(g, feature), tip, List.of("svc/")).commits()).isEmpty();
            assertThat(g.isAncestor(commit(g, feature), tip)).isTrue();
            // a commit of a branch that was never merged: not an ancestor, and it lacks the feature change
            assertThat(g.isAncestor(commit(g, hotfix), tip)).isFalse();
            Changes diverged = g.changesSince(commit(g, hotfix), tip, List.of("svc/"));
            assertThat(diverged.commits()).extracting(CommitInfo::id).containsExactly(feature);
            assertThat(diverged.files()).extracting(FileChange::describe).contains("M svc/app.py", "D svc/hot.py");
            assertThat(g.changesSince(commit(g, base), tip, List.of("svc/")).commits()).hasSize(1);
        }
    }

    @Test
    void renamesAreFollowedToCountTheCommitsBeforeThem() {
        String deployed, edit, rename;
        try (GitFixture f = GitFixture.init(dir)) {
            deployed = f.write("processors/raw/main.py", "print('raw')\n".repeat(20)).write("README.md", "x\n").commit("raw processor");
            edit = f.write("processors/raw/main.py", "print('raw')\n".repeat(20) + "print('more')\n").commit("raw: more");
            rename = f.move("processors/raw/main.py", "data_processors/raw/main.py").commit("move raw under data_processors");
        }
        try (GitHistory g = GitHistory.open(dir)) {
            CommitInfo tip = g.branch(Optional.empty()).tip();
            List<String> paths = List.of("data_processors/raw/");
            assertThat(g.latestTouching(tip, paths)).map(CommitInfo::id).contains(rename);
            Changes c = g.changesSince(commit(g, deployed), tip, paths);
            assertThat(c.commits()).extracting(CommitInfo::id).containsExactly(rename, edit);
            assertThat(c.followed()).containsExactly("processors/raw/main.py");
            assertThat(c.files()).singleElement().satisfies(x -> {
                assertThat(x.change()).isEqualTo(FileChange.Change.RENAME);
                assertThat(x.oldPath()).contains("processors/raw/main.py");
                assertThat(x.path()).isEqualTo("data_processors/raw/main.py");
            });
        }
    }

    @Test
    void aBareCloneIsReadFromItsBranchAndItsTreeAnswersPathLookups() throws Exception {
        String c1;
        try (GitFixture f = GitFixture.init(dir.resolve("work"))) {
            c1 = f.write("deployment/services.yaml", "services: []\n").write("svc/a.py", "a\n").commit("one");
        }
        try (Git bare = Git.cloneRepository().setBare(true).setURI(dir.resolve("work").toUri().toString())
                .setDirectory(dir.resolve("bare.git").toFile()).call()) {
            assertThat(bare.getRepository().isBare()).isTrue();
        }
        try (GitHistory g = GitHistory.open(dir.resolve("bare.git"))) {
            assertThat(g.workTree()).isEmpty();
            GitHistory.Branch b = g.branch(Optional.of("main"));
            assertThat(b.tip().id()).isEqualTo(c1);
            assertThat(g.read(b.tip(), "deployment/services.yaml")).contains("services: []\n");
            assertThat(g.read(b.tip(), "nope.yaml")).isEmpty();
            PathLookup paths = g.paths(b.tip());
            assertThat(paths.type("svc")).isEqualTo(PathLookup.Type.DIRECTORY);
            assertThat(paths.type("svc/a.py")).isEqualTo(PathLookup.Type.FILE);
            assertThat(paths.type("svc/b.py")).isEqualTo(PathLookup.Type.NONE);
            assertThat(paths.type(".")).isEqualTo(PathLookup.Type.DIRECTORY);
        }
    }

    @Test
    void aFolderInsideTheWorkTreeOpensTheRepositoryAndShallowClonesAreRecognised() throws Exception {
        String c1;
        try (GitFixture f = GitFixture.init(dir)) {
            c1 = f.write("svc/a.py", "a\n").commit("one");
        }
        try (GitHistory g = GitHistory.open(dir.resolve("svc"))) {
            assertThat(g.location()).isEqualTo(dir.toRealPath());
            assertThat(g.shallow()).isFalse();
        }
        Files.writeString(dir.resolve(".git/shallow"), c1 + "\n");
        try (GitHistory g = GitHistory.open(dir)) {
            assertThat(g.shallow()).isTrue();
        }
    }

    @Test
    void noRepositoryNoBranchAndNoCommitAreUsageErrors() {
        assertThatThrownBy(() -> GitHistory.open(dir.resolve("missing"))).isInstanceOfSatisfying(OpsException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).contains("no such directory");
        });
        assertThatThrownBy(() -> GitHistory.open(dir)).isInstanceOfSatisfying(OpsException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).contains("is not in a git repository");
        });
        try (GitFixture f = GitFixture.init(dir)) {
            try (GitHistory g = GitHistory.open(dir)) {
                assertThatThrownBy(() -> g.branch(Optional.empty())).isInstanceOf(OpsException.class).hasMessageContaining("HEAD has no commit yet");
            }
            f.write("a", "a\n").commit("one");
            try (GitHistory g = GitHistory.open(dir)) {
                assertThatThrownBy(() -> g.branch(Optional.of("release"))).isInstanceOfSatisfying(OpsException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("--branch release: no such branch");
                });
            }
        }
    }
}
