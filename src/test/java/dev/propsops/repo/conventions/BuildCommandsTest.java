package dev.propsops.repo.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propsops.repo.conventions.BuildCommands.Build;
import dev.propsops.repo.conventions.BuildCommands.BuildsSubmit;
import dev.propsops.repo.conventions.BuildCommands.DockerBuild;
import dev.propsops.repo.conventions.BuildCommands.DockerfileFlag;
import dev.propsops.repo.conventions.BuildCommands.SourceDeploy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Build and deploy commands found in scripts and CI files, with the folder they run in and the script's variables. */
class BuildCommandsTest {
    static BuildCommands.Builds builds(String path, RepoFiles.ScriptType type, String text) {
        return BuildCommands.of(ScriptCommands.parse(new RepoFiles.Script(path, type), text));
    }

    @Test
    void dockerBuildsWithTheirFileContextAndFolder() {
        BuildCommands.Builds b = builds("bin/raw/deploy/deploy.sh", RepoFiles.ScriptType.SHELL, """
                #!/bin/bash
                dockerfile="deployment/dockerfiles/$sport/Dockerfile.$job"
                docker build -f docker/raw-processor.Dockerfile -t raw .
                cd "$(dirname "$0")/../.."
                docker buildx build --platform linux/amd64 --file="$dockerfile" --push .
                cd predictions/worker && docker build -t worker .
                podman build -fContainerfile.x ctx
                """);
        List<Build> all = b.builds();
        assertThat(all).hasSize(4).allMatch(x -> x instanceof DockerBuild);
        DockerBuild first = (DockerBuild) all.get(0);
        assertThat(first.file().orElseThrow().text()).isEqualTo("docker/raw-processor.Dockerfile");
        assertThat(first.context().orElseThrow().text()).isEqualTo(".");
        assertThat(first.place().cwd()).isEmpty();
        assertThat(first.place().line()).isEqualTo(3);
        DockerBuild second = (DockerBuild) all.get(1);
        assertThat(second.place().cwd()).as("cd to the script's folder, two up").isEqualTo("bin");
        assertThat(b.path(second.file().orElseThrow(), "")).contains("deployment/dockerfiles/*/Dockerfile.*");
        assertThat(b.path(new ShellWords.Word("$root/deployment/x", 1, true), "bin")).contains("*/deployment/x");
        DockerBuild third = (DockerBuild) all.get(2);
        assertThat(third.place().cwd()).isEqualTo("bin/predictions/worker");
        assertThat(third.file()).isEmpty();
        assertThat(((DockerBuild) all.get(3)).file().orElseThrow().text()).isEqualTo("Containerfile.x");
    }

    @Test
    void gcloudSourceDeploysBuildsSubmitsAndDockerfileFlags() {
        BuildCommands.Builds b = builds("bin/deploy_phase1_phase2.sh", RepoFiles.ScriptType.SHELL, """
                gcloud run deploy nba-phase1-scrapers --source=. --region=us-west2 --allow-unauthenticated
                gcloud beta run jobs deploy backfill --source data_processors/raw --region us-west2
                gcloud run deploy worker --image us-west2-docker.pkg.dev/p/r/worker:abc
                gcloud builds submit --config cloudbuild-raw.yaml .
                gcloud builds submit --tag gcr.io/p/x --async
                /kaniko/executor --dockerfile=docker/gone.Dockerfile --context=dir:///workspace
                """);
        List<Build> all = b.builds();
        assertThat(all).hasSize(5);
        SourceDeploy root = (SourceDeploy) all.get(0);
        assertThat(root.source().text()).isEqualTo(".");
        assertThat(root.command()).isEqualTo("gcloud run deploy");
        SourceDeploy job = (SourceDeploy) all.get(1);
        assertThat(job.command()).isEqualTo("gcloud run jobs deploy");
        assertThat(job.source().text()).isEqualTo("data_processors/raw");
        BuildsSubmit config = (BuildsSubmit) all.get(2);
        assertThat(config.config().orElseThrow().text()).isEqualTo("cloudbuild-raw.yaml");
        assertThat(config.source().orElseThrow().text()).isEqualTo(".");
        BuildsSubmit tag = (BuildsSubmit) all.get(3);
        assertThat(tag.tag().orElseThrow().text()).isEqualTo("gcr.io/p/x");
        assertThat(tag.source()).isEmpty();
        assertThat(((DockerfileFlag) all.get(4)).path().text()).isEqualTo("docker/gone.Dockerfile");
    }

    @Test
    void ciYamlRunBlocksCloudBuildArgsAndActionKeys() {
        BuildCommands.Builds b = builds(".github/workflows/deploy.yml", RepoFiles.ScriptType.YAML, """
                ---
                jobs:
                  build:
                    steps:
                      - uses: docker/build-push-action@v6
                        with:
                          file: predictions/worker/Dockerfile
                      - run: |
                          echo building
                          docker build -f predictions/mlb/Dockerfile .
                steps:
                  - name: gcr.io/cloud-builders/docker
                    args: ['build', '-f', 'docker/raw-processor.Dockerfile', '-t', 'raw', '.']
                  - name: gcr.io/cloud-builders/gcloud
                    args:
                      - run
                      - deploy
                      - raw
                      - --source=.
                """);
        List<Build> all = b.builds();
        assertThat(all).hasSize(4);
        DockerBuild run = (DockerBuild) all.get(0);
        assertThat(run.file().orElseThrow().text()).isEqualTo("predictions/mlb/Dockerfile");
        assertThat(run.place().line()).as("the block's second line").isEqualTo(10);
        DockerBuild args = (DockerBuild) all.get(1);
        assertThat(args.file().orElseThrow().text()).isEqualTo("docker/raw-processor.Dockerfile");
        assertThat(args.file().orElseThrow().line()).isEqualTo(13);
        assertThat(((SourceDeploy) all.get(2)).source().text()).isEqualTo(".");
        DockerfileFlag key = (DockerfileFlag) all.get(3);
        assertThat(key.path().text()).isEqualTo("predictions/worker/Dockerfile");
        assertThat(key.place().line()).isEqualTo(7);
    }

    @Test
    void makefileVariablesArePutIn() {
        BuildCommands.Builds b = builds("Makefile", RepoFiles.ScriptType.MAKE, """
                DOCKERFILE := predictions/worker/Dockerfile
                build:
                \tdocker build -f $(DOCKERFILE) -t worker .
                """);
        DockerBuild d = (DockerBuild) b.builds().get(0);
        assertThat(d.file().orElseThrow().text()).isEqualTo("predictions/worker/Dockerfile");
        assertThat(d.place().line()).isEqualTo(3);
    }

    @Test
    void variablesDefaultsAndUnknowns() {
        BuildCommands.Builds b = builds("x.sh", RepoFiles.ScriptType.SHELL, """
                SERVICE_DIR=predictions/worker
                docker build -f "${SERVICE_DIR}/Dockerfile" -f "${OTHER:-scrapers}/Dockerfile" -f "$1" -f "$root/x/Dockerfile" .
                """);
        DockerBuild d = (DockerBuild) b.builds().get(0);
        assertThat(d.file().orElseThrow().text()).as("the last -f wins, as docker does").isEqualTo("$root/x/Dockerfile");
        assertThat(b.path(new ShellWords.Word("${SERVICE_DIR}/Dockerfile", 2, true), "")).contains("predictions/worker/Dockerfile");
        assertThat(b.path(new ShellWords.Word("${OTHER:-scrapers}/Dockerfile", 2, true), "")).contains("scrapers/Dockerfile");
        assertThat(b.path(new ShellWords.Word("$1", 2, true), "")).as("nothing known").isEmpty();
        assertThat(b.path(new ShellWords.Word("$root/x/Dockerfile", 2, true), "sub")).contains("*/x/Dockerfile");
        assertThat(b.path(new ShellWords.Word("../../../x", 2, false), "a")).isEmpty();
        assertThat(b.path(new ShellWords.Word("/abs/Dockerfile", 2, false), "")).isEqualTo(Optional.empty());
    }
}
