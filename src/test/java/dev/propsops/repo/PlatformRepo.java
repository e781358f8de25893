package dev.propsops.repo;

import java.nio.file.Path;

/**
 * A small copy of the platform's repository, with the history deploy-drift needs: five services and a
 * job mapped in deployment/services.yaml, then a worker change, a shared change and a coordinator change.
 */
public final class PlatformRepo {
    public static final String MAP = """
            ---
            services:
              - name: prediction-worker
                dockerfile: predictions/worker/Dockerfile
                paths: [predictions/worker/, shared/]
              - name: prediction-coordinator
                dockerfile: predictions/coordinator/Dockerfile
                paths: [predictions/coordinator/, shared/]
              - name: nba-phase3-analytics-processors
                dockerfile: data_processors/analytics/Dockerfile
                paths: [data_processors/analytics/, shared/]
              - name: nba-phase1-scrapers
                dockerfile: scrapers/Dockerfile
              - name: nba-phase4-precompute-processors
                dockerfile: data_processors/precompute/Dockerfile
              - name: mlb-prediction-worker
                dockerfile: predictions/mlb/Dockerfile
              - name: nba-odds-api-backfill
                kind: job
                dockerfile: deployment/dockerfiles/nba/Dockerfile.odds-api-backfill
                paths: [bin/backfill/]
            """;

    /** Commits, oldest first. */
    public final String initial;
    public final String workerChange;
    public final String sharedChange;
    public final String coordinatorChange;
    public final String docsChange;

    private PlatformRepo(String initial, String workerChange, String sharedChange, String coordinatorChange, String docsChange) {
        this.initial = initial;
        this.workerChange = workerChange;
        this.sharedChange = sharedChange;
        this.coordinatorChange = coordinatorChange;
        this.docsChange = docsChange;
    }

    public static PlatformRepo create(Path dir) {
        try (GitFixture f = GitFixture.init(dir)) {
            for (String svc : new String[] {"predictions/worker", "predictions/coordinator", "data_processors/analytics", "scrapers",
                    "data_processors/precompute", "predictions/mlb"}) {
                f.write(svc + "/Dockerfile", "# Build from the repository root: docker build -f " + svc + "/Dockerfile .\n"
                        + "FROM python:3.12-slim\nCOPY shared/ /app/shared/\nCOPY " + svc + "/ /app/\nCMD [\"python\", \"/app/main.py\"]\n");
                f.write(svc + "/main.py", "print('" + svc + "')\n");
            }
            f.write("shared/utils.py", "def utils(): pass\n");
            f.write("bin/backfill/backfill.py", "print('backfill')\n");
            f.write("deployment/dockerfiles/nba/Dockerfile.odds-api-backfill", "FROM python:3.12-slim\nCOPY bin/backfill/ /app/\n"
                    + "ENTRYPOINT [\"python\", \"/app/backfill.py\"]\n");
            f.write("deployment/services.yaml", MAP);
            f.write("README.md", "platform\n");
            String initial = f.commit("the platform");
            String worker = f.write("predictions/worker/main.py", "print('worker v2')\n").commit("worker: v2");
            String shared = f.write("shared/utils.py", "def utils(): return 2\n").commit("shared: utils v2");
            String coordinator = f.write("predictions/coordinator/main.py", "print('coordinator v2')\n").commit("coordinator: v2");
            String docs = f.write("README.md", "platform v2\n").commit("docs");
            return new PlatformRepo(initial, worker, shared, coordinator, docs);
        }
    }

    public static String shortId(String id) {
        return id.substring(0, 8);
    }
}
