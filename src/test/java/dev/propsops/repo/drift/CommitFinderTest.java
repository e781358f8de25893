package dev.propsops.repo.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propsops.cloudrun.Container;
import dev.propsops.cloudrun.Revision;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which commit a revision says it runs: the variable, else a commit label, else an image tag that resolves. */
class CommitFinderTest {
    static final Set<String> IN_REPO = Set.of("0a3c5b26", "8df5beb7aa", "e1c10e8");

    static Revision revision(Map<String, String> env, Map<String, String> labels, String... images) {
        List<Container> containers = new java.util.ArrayList<>();
        for (String image : images) {
            containers.add(new Container("", image, containers.isEmpty() ? env : Map.of()));
        }
        return new Revision("worker-00042-abc", "worker", Optional.empty(), List.of(), Optional.empty(), containers, labels);
    }

    static DeployedCommit find(Revision r) {
        return CommitFinder.find(r, "BUILD_COMMIT", IN_REPO::contains);
    }

    @Test
    void theVariableComesFirstEvenWhenTheRepositoryLacksIt() {
        DeployedCommit c = find(revision(Map.of("BUILD_COMMIT", " 9999999 "), Map.of("commit-sha", "0a3c5b26"), "r/worker:0a3c5b26"));
        assertThat(c.commit()).contains("9999999");
        assertThat(c.source()).isEqualTo("env BUILD_COMMIT");
    }

    @Test
    void aVariableThatIsNoCommitFallsBackToTheLabelThenTheTag() {
        DeployedCommit label = find(revision(Map.of("BUILD_COMMIT", "unknown"), Map.of("commit-sha", "E1C10E8"), "r/worker:latest"));
        assertThat(label.commit()).contains("E1C10E8");
        assertThat(label.source()).isEqualTo("label commit-sha");
        assertThat(label.note()).contains("BUILD_COMMIT is 'unknown', not a commit");

        DeployedCommit tag = find(revision(Map.of(), Map.of(), "us-west2-docker.pkg.dev/p/images/worker:sha-0a3c5b26@sha256:abcd"));
        assertThat(tag.commit()).contains("0a3c5b26");
        assertThat(tag.source()).isEqualTo("image tag");
        assertThat(tag.note()).contains("BUILD_COMMIT is not set");
    }

    @Test
    void tagsAreBelievedOnlyWhenTheyResolve() {
        assertThat(find(revision(Map.of(), Map.of(), "r/worker:20260131")).commit()).as("a date looks hex").isEmpty();
        DeployedCommit none = find(revision(Map.of(), Map.of(), "r/worker:latest", "r/sidecar@sha256:ffff"));
        assertThat(none.commit()).isEmpty();
        assertThat(none.note()).contains("BUILD_COMMIT is not set", "r/worker:latest, r/sidecar@sha256:ffff");
        // a sidecar may carry the tag
        assertThat(find(revision(Map.of(), Map.of(), "r/worker:latest", "r/proxy:main-8df5beb7aa")).commit()).contains("8df5beb7aa");
    }

    @Test
    void tagShapes() {
        assertThat(CommitFinder.tagCommits("host:5000/p/worker:0a3c5b26")).containsExactly("0a3c5b26");
        assertThat(CommitFinder.tagCommits("host:5000/p/worker")).isEmpty();
        assertThat(CommitFinder.tagCommits("p/worker:sha-0A3C5B26")).containsExactly("0a3c5b26");
        assertThat(CommitFinder.tagCommits("p/worker:v1.4-12-g0a3c5b2")).containsExactly("0a3c5b2");
        assertThat(CommitFinder.tagCommits("p/worker:main-0a3c5b26")).containsExactly("0a3c5b26");
        assertThat(CommitFinder.tagCommits("p/worker@sha256:0a3c5b260a3c5b26")).isEmpty();
        assertThat(CommitFinder.tagCommits("")).isEmpty();
        assertThat(CommitFinder.tagCommits(null)).isEmpty();
    }
}
