package dev.propsops.logs.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TracebackTest {
    @Test
    void pythonTypeMessageAndInnermostFramesWithoutLineNumbers() {
        Traceback t = Traceback.of(List.of(EventAssemblerTest.PYTHON)).orElseThrow();
        assertThat(t.language()).isEqualTo("python");
        assertThat(t.exceptionType()).isEqualTo("ValueError");
        assertThat(t.exceptionMessage()).isEqualTo("feature vector has 31 values, expected 33");
        assertThat(t.topFrames()).containsExactly("/app/predictions/model.py:predict", "/app/predictions/worker.py:handle");
        assertThat(t.groupKey()).doesNotContain("41").doesNotContain("88");
    }

    @Test
    void theSameErrorAtAnotherLineNumberGroupsTogetherAndAnotherTypeDoesNot() {
        List<String> moved = List.of(EventAssemblerTest.PYTHON).stream().map(l -> l.replace("line 41", "line 57")).toList();
        List<String> other = List.of(EventAssemblerTest.PYTHON).stream().map(l -> l.replace("ValueError", "TypeError")).toList();
        String key = Traceback.of(List.of(EventAssemblerTest.PYTHON)).orElseThrow().groupKey();
        assertThat(Traceback.of(moved).orElseThrow().groupKey()).isEqualTo(key);
        assertThat(Traceback.of(other).orElseThrow().groupKey()).isNotEqualTo(key);
    }

    @Test
    void chainedPythonGroupsByTheExceptionFinallyRaised() {
        Traceback t = Traceback.of(List.of("Traceback (most recent call last):", "  File \"/app/a.py\", line 3, in load",
                "KeyError: 'x'", "", "During handling of the above exception, another exception occurred:", "",
                "Traceback (most recent call last):", "  File \"/app/a.py\", line 9, in handle", "RuntimeError: no features"))
                .orElseThrow();
        assertThat(t.exceptionType()).isEqualTo("RuntimeError");
        assertThat(t.topFrames()).containsExactly("/app/a.py:handle");
    }

    @Test
    void javaThrownExceptionAndItsFirstFrames() {
        Traceback t = Traceback.of(List.of(EventAssemblerTest.JAVA)).orElseThrow();
        assertThat(t.language()).isEqualTo("java");
        assertThat(t.exceptionType()).isEqualTo("java.lang.IllegalStateException");
        assertThat(t.exceptionMessage()).isEqualTo("lineup for game 22500633 not published");
        assertThat(t.topFrames()).containsExactly("dev.nba.lineups.LineupService.load", "dev.nba.lineups.LineupJob.run");
    }

    @Test
    void nodeFramesLoseTheirLineAndColumn() {
        Traceback t = Traceback.of(List.of("TypeError: Cannot read properties of undefined (reading 'id')",
                "    at handler (/app/server.js:42:17)", "    at process (node:internal/process:12:3)")).orElseThrow();
        assertThat(t.exceptionType()).isEqualTo("TypeError");
        assertThat(t.topFrames()).containsExactly("handler (/app/server.js)", "process (node:internal/process)");
    }

    @Test
    void aThreadPrefixIsNotPartOfTheType() {
        Traceback t = Traceback.of(List.of("Exception in thread \"main\" java.lang.NullPointerException",
                "\tat dev.nba.Main.main(Main.java:5)")).orElseThrow();
        assertThat(t.exceptionType()).isEqualTo("java.lang.NullPointerException");
        assertThat(t.exceptionMessage()).isEmpty();
    }

    @Test
    void linesWithoutFramesHaveNoTraceback() {
        assertThat(Traceback.of(List.of("Error: ", ""))).isEmpty();
        assertThat(Traceback.of(List.of("just a message"))).isEmpty();
    }
}
