package dev.propsops.repo.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class DockerfileTest {
    @Test
    void instructionsHeaderAndCopies() {
        Dockerfile d = Dockerfile.parse("predictions/worker/Dockerfile", """
                # syntax=docker/dockerfile:1.7
                # Prediction worker. Build from the repository root:
                #   docker build -f predictions/worker/Dockerfile \\
                #     -t worker .

                FROM python:3.12-slim AS base
                ENV APP_HOME=/app SERVICE=worker
                ENV LEGACY value
                COPY --chown=1000 shared/ ${APP_HOME}/shared/
                copy ["predictions/worker/", "/app/"]
                COPY --from=base /x /y
                RUN pip install \\
                # a comment inside a continuation
                    -r requirements.txt
                ADD https://example.com/x.tgz /tmp/
                CMD ["python", "main.py"]
                """);
        assertThat(d.header).extracting(Dockerfile.Comment::line).containsExactly(2, 3);
        assertThat(d.header.get(1).text()).isEqualTo("docker build -f predictions/worker/Dockerfile -t worker .");
        assertThat(d.instructions).extracting(i -> i.keyword() + "@" + i.line())
                .containsExactly("FROM@6", "ENV@7", "ENV@8", "COPY@9", "COPY@10", "COPY@11", "RUN@12", "ADD@15", "CMD@16");
        assertThat(d.all("RUN").get(0).args()).isEqualTo("pip install -r requirements.txt");
        assertThat(d.envNames()).isEqualTo(Set.of("APP_HOME", "SERVICE", "LEGACY"));
        assertThat(d.contextCopies()).extracting(c -> c.sources() + "@" + c.line())
                .containsExactly("[shared/]@9", "[predictions/worker/]@10");
        assertThat(d.folder()).isEqualTo("predictions/worker/");
    }

    @Test
    void normalisedContentIgnoresWhitespaceCommentsAndKeywordCase() {
        Dockerfile a = Dockerfile.parse("predictions/mlb/Dockerfile", "# MLB worker\nFROM python:3.12\nCOPY  . /app\nCMD [\"python\", \"w.py\"]\n");
        Dockerfile b = Dockerfile.parse("Dockerfile.mlb-worker", "from   python:3.12\n\n# copy\ncopy . \\\n   /app\ncmd [\"python\", \"w.py\"]");
        Dockerfile c = Dockerfile.parse("x/Dockerfile", "FROM python:3.13\nCOPY . /app\nCMD [\"python\", \"w.py\"]\n");
        assertThat(a.normalized()).isEqualTo(b.normalized());
        assertThat(a.normalized()).isNotEqualTo(c.normalized());
    }

    @Test
    void theEscapeDirectiveChangesTheContinuationCharacter() {
        Dockerfile d = Dockerfile.parse("win/Dockerfile", "# escape=`\nFROM mcr.microsoft.com/windows\nRUN dir `\n  c:\\\nCMD x\n");
        assertThat(d.instructions).extracting(Dockerfile.Instruction::keyword).containsExactly("FROM", "RUN", "CMD");
        assertThat(d.all("RUN").get(0).args()).isEqualTo("dir c:\\");
    }
}
