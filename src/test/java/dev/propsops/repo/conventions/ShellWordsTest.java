package dev.propsops.repo.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propsops.repo.conventions.ShellWords.Command;
import dev.propsops.repo.conventions.ShellWords.Word;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {
    static List<String> texts(Command c) {
        return c.words().stream().map(Word::text).toList();
    }

    @Test
    void quotesContinuationsCommentsAndSeparators() {
        List<Command> cmds = ShellWords.parse("""
                #!/usr/bin/env bash
                set -euo pipefail  # strict
                cd "$(dirname "$0")/.." && docker build \\
                  -f 'predictions/worker/Dockerfile' --build-arg "A=b c" \\
                  -t "$image" . 2>&1 | tee build.log; echo done > /dev/null
                gcloud run deploy x --source=. # deploys the root
                """, 1);
        assertThat(cmds).extracting(ShellWordsTest::texts).containsExactly(
                List.of("set", "-euo", "pipefail"),
                List.of("cd", "$(dirname \"$0\")/.."),
                List.of("docker", "build", "-f", "predictions/worker/Dockerfile", "--build-arg", "A=b c", "-t", "$image", "."),
                List.of("tee", "build.log"),
                List.of("echo", "done"),
                List.of("gcloud", "run", "deploy", "x", "--source=."));
        Command build = cmds.get(2);
        assertThat(build.line()).isEqualTo(3);
        assertThat(build.words().get(3).line()).as("after a continuation").isEqualTo(4);
        assertThat(build.words().get(3).dynamic()).isFalse();
        assertThat(build.words().get(7).dynamic()).isTrue();
        assertThat(cmds.get(5).line()).isEqualTo(6);
    }

    @Test
    void escapesAndExpansionsStayInTheirWord() {
        List<Command> cmds = ShellWords.parse("echo a\\ b \"x\\\"y\" ${root}/Dockerfile `pwd`/x $((1+2)) '$lit'\n", 10);
        assertThat(texts(cmds.get(0))).containsExactly("echo", "a b", "x\"y", "${root}/Dockerfile", "`pwd`/x", "$((1+2))", "$lit");
        assertThat(cmds.get(0).line()).isEqualTo(10);
    }
}
