package dev.propsops.repo;

import java.nio.file.Path;

/**
 * Two fixture repositories for repo-check, built as git repositories: the platform as the handoff found
 * it (every case of its Dockerfile cleanup, part 2), and the same platform after the cleanup.
 */
public final class HandoffRepos {
    private HandoffRepos() {
    }

    static final String MLB_WORKER = """
            # MLB prediction worker. Build from the repository root:
            #   docker build -f predictions/mlb/Dockerfile -t mlb-worker .
            FROM python:3.12-slim
            WORKDIR /app
            COPY shared/ ./shared/
            COPY predictions/mlb/ ./
            CMD ["python", "worker.py"]
            """;

    /** The handoff's "before": the mess the cleanup removed. */
    public static void before(Path dir) {
        try (GitFixture f = GitFixture.init(dir)) {
            common(f);
            // 1. a multi-service Dockerfile at the root that picks its service from $SERVICE
            f.write("Dockerfile", """
                    FROM python:3.12-slim
                    WORKDIR /app
                    COPY . .
                    ENV SERVICE=scrapers
                    CMD if [ "$SERVICE" = "scrapers" ]; then python scrapers/main.py; \\
                        elif [ "$SERVICE" = "raw" ]; then python data_processors/raw/main.py; fi
                    """);
            // 2. a duplicate of predictions/mlb/Dockerfile at the root (other comments and spacing)
            f.write("Dockerfile.mlb-worker", "# mlb worker (copy)\nFROM   python:3.12-slim\nworkdir /app\n\nCOPY shared/ ./shared/\n"
                    + "COPY predictions/mlb/ \\\n     ./\nCMD [\"python\", \"worker.py\"]\n");
            // 3. a utility Dockerfile outside deployment/dockerfiles/<sport>/
            f.write("scripts/backup/Dockerfile.odds_api_backfill", "# Build from the repository root\nFROM python:3.12-slim\n"
                    + "COPY scripts/backup/odds_api_backfill.py /app/\nENTRYPOINT [\"python\", \"/app/odds_api_backfill.py\"]\n");
            f.write("scripts/backup/odds_api_backfill.py", "print('backfill')\n");
            // 4. a Dockerfile whose entrypoint script picks the service
            f.write("services/combined/Dockerfile", """
                    FROM python:3.12-slim
                    COPY services/combined/entrypoint.sh /entrypoint.sh
                    ENTRYPOINT ["/entrypoint.sh"]
                    """);
            f.executable("services/combined/entrypoint.sh", """
                    #!/bin/sh
                    # pick the processor
                    case "$PROCESSOR_NAME" in
                      analytics) exec python -m analytics ;;
                      precompute) exec python -m precompute ;;
                    esac
                    """);
            // 5. a Dockerfile whose module comes from a variable
            f.write("data_processors/grading/Dockerfile", """
                    # Build from the repository root.
                    FROM python:3.12-slim
                    COPY shared/ /app/shared/
                    COPY data_processors/grading/ /app/
                    CMD exec gunicorn --bind :$PORT "${PHASE}.main:app"
                    """);
            // 6. the worker copies shared/ but says nothing of the context, and a script builds it from its folder
            f.write("predictions/worker/Dockerfile", """
                    FROM python:3.12-slim
                    COPY shared/ /app/shared/
                    COPY predictions/worker/ /app/
                    CMD ["python", "/app/worker.py"]
                    """);
            // 7. a header that builds from the service's folder
            f.write("predictions/coordinator/Dockerfile", """
                    # docker build -f predictions/coordinator/Dockerfile predictions/coordinator
                    FROM python:3.12-slim
                    COPY shared/ /app/shared/
                    CMD ["python", "/app/coordinator.py"]
                    """);
            // the deploy scripts of the handoff
            f.executable("bin/raw/deploy/deploy_processors_simple.sh", """
                    #!/bin/bash
                    set -e
                    docker build -f docker/raw-processor.Dockerfile -t raw-processor .
                    gcloud builds submit --config cloudbuild-raw.yaml .
                    """);
            f.executable("bin/deploy_phase1_phase2.sh", """
                    #!/bin/bash
                    gcloud run deploy nba-phase1-scrapers --source=. --region=us-west2
                    gcloud run deploy nba-phase2-raw-processors --source data_processors/raw --region=us-west2
                    """);
            f.executable("bin/deploy_worker.sh", """
                    #!/bin/bash
                    docker build -f predictions/worker/Dockerfile predictions/worker
                    cd predictions/worker && docker build -t prediction-worker .
                    """);
            f.write("cloudbuild.yaml", """
                    ---
                    steps:
                      - name: gcr.io/cloud-builders/docker
                        args: ['build', '-f', 'docker/analytics.Dockerfile', '-t', 'analytics', '.']
                      - name: gcr.io/kaniko-project/executor
                        args: ['--dockerfile=docker/precompute.Dockerfile', '--context=dir:///workspace']
                    """);
            f.write("deployment/services.yaml", """
                    ---
                    ignore: [docs/archive/]
                    services:
                      - name: nba-phase1-scrapers
                        dockerfile: scrapers/Dockerfile
                      - name: nba-phase2-raw-processors
                        paths: [data_processors/raw/]
                      - name: prediction-worker
                        dockerfile: predictions/worker/Dockerfile
                        paths: [predictions/worker/, shared/]
                      - name: prediction-coordinator
                        dockerfile: predictions/coordinator/Dockerfile
                      - name: mlb-prediction-worker
                        dockerfile: predictions/mlb/Dockerfile
                      - name: mlb-prediction-worker-canary
                        dockerfile: predictions/mlb/Dockerfile
                    """);
            f.commit("the platform before the cleanup");
        }
    }

    /** The handoff's "after": the same platform once the cleanup was done. */
    public static void after(Path dir) {
        try (GitFixture f = GitFixture.init(dir)) {
            common(f);
            f.write("docs/archive/dockerfiles/Dockerfile.multi-service-legacy", "FROM python:3.12-slim\nCOPY . .\n"
                    + "CMD if [ \"$SERVICE\" = \"scrapers\" ]; then python scrapers/main.py; fi\n");
            f.write("data_processors/raw/Dockerfile", """
                    # Phase 2 raw processors. Build from the repository root:
                    #   docker build -f data_processors/raw/Dockerfile -t raw .
                    FROM python:3.12-slim
                    COPY shared/ /app/shared/
                    COPY data_processors/raw/ /app/
                    CMD ["python", "/app/main.py"]
                    """);
            f.write("predictions/worker/Dockerfile", """
                    # Prediction worker. Build from the repository root (it copies shared/).
                    FROM python:3.12-slim
                    COPY shared/ /app/shared/
                    COPY predictions/worker/ /app/
                    CMD ["python", "/app/worker.py"]
                    """);
            f.write("deployment/dockerfiles/nba/Dockerfile.odds-api-backfill", "# Build from the repository root\nFROM python:3.12-slim\n"
                    + "COPY bin/backfill/odds_api_backfill.py /app/\nENTRYPOINT [\"python\", \"/app/odds_api_backfill.py\"]\n");
            f.write("bin/backfill/odds_api_backfill.py", "print('backfill')\n");
            f.executable("bin/deploy-service.sh", """
                    #!/bin/bash
                    # deploys one service from its own Dockerfile, built from the repository root
                    set -euo pipefail
                    cd "$(dirname "$0")/.."
                    case "$1" in
                      prediction-worker) dockerfile=predictions/worker/Dockerfile ;;
                      nba-phase2-raw-processors) dockerfile=data_processors/raw/Dockerfile ;;
                      *) echo "unknown service $1" >&2; exit 2 ;;
                    esac
                    image="us-west2-docker.pkg.dev/nba-props-platform/images/$1:$(git rev-parse --short HEAD)"
                    docker build -f "$dockerfile" --build-arg "BUILD_COMMIT=$(git rev-parse HEAD)" -t "$image" .
                    docker push "$image"
                    gcloud run deploy "$1" --image "$image" --region us-west2 \\
                      --update-env-vars "BUILD_COMMIT=$(git rev-parse HEAD)"
                    """);
            f.write(".github/workflows/deploy.yml", """
                    ---
                    on: {push: {branches: [main]}}
                    jobs:
                      deploy:
                        runs-on: ubuntu-latest
                        steps:
                          - uses: actions/checkout@v4
                          - uses: docker/build-push-action@v6
                            with:
                              file: predictions/mlb/Dockerfile
                              context: .
                          - run: |
                              docker build -f data_processors/raw/Dockerfile -t raw .
                              ./bin/deploy-service.sh prediction-worker
                    """);
            f.write("cloudbuild.yaml", """
                    ---
                    steps:
                      - name: gcr.io/cloud-builders/docker
                        args: ['build', '-f', 'predictions/worker/Dockerfile', '-t', 'worker', '.']
                    """);
            f.write("deployment/services.yaml", """
                    ---
                    ignore: [docs/archive/]
                    sports: [nba, mlb]
                    services:
                      - name: nba-phase1-scrapers
                        dockerfile: scrapers/Dockerfile
                      - name: nba-phase2-raw-processors
                        dockerfile: data_processors/raw/Dockerfile
                        paths: [data_processors/raw/, shared/]
                      - name: prediction-worker
                        dockerfile: predictions/worker/Dockerfile
                        paths: [predictions/worker/, shared/]
                      - name: mlb-prediction-worker
                        dockerfile: predictions/mlb/Dockerfile
                        paths: [predictions/mlb/, shared/]
                      - name: nba-odds-api-backfill
                        kind: job
                        dockerfile: deployment/dockerfiles/nba/Dockerfile.odds-api-backfill
                        paths: [bin/backfill/]
                    """);
            f.commit("the platform after the cleanup");
        }
    }

    private static void common(GitFixture f) {
        f.write("shared/utils.py", "def utils(): pass\n");
        f.write("predictions/worker/worker.py", "print('worker')\n");
        f.write("predictions/coordinator/coordinator.py", "print('coordinator')\n");
        f.write("predictions/mlb/Dockerfile", MLB_WORKER);
        f.write("predictions/mlb/worker.py", "print('mlb')\n");
        f.write("data_processors/raw/main.py", "print('raw')\n");
        f.write("data_processors/grading/main.py", "print('grading')\n");
        f.write("scrapers/Dockerfile", """
                # Phase 1 scrapers: build from the repository root.
                FROM python:3.12-slim
                COPY shared/ /app/shared/
                COPY scrapers/ /app/
                CMD ["python", "/app/main.py"]
                """);
        f.write("scrapers/main.py", "print('scrapers')\n");
        f.write(".gitignore", "target/\n*.log\n");
        f.write("target/Dockerfile.generated", "FROM scratch\n");
    }
}
