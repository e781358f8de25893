package dev.propsops.logs.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propsops.logs.LogFixtures;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PermissionDeniedTest {
    @Test
    void theHandoffsMetricError() {
        PermissionDenied.Denial d = PermissionDenied.of(LogFixtures.HANDOFF_403).orElseThrow();
        assertThat(d.permission()).contains("monitoring.timeSeries.create");
        assertThat(d.resource()).contains("projects/nba-props-platform");
        assertThat(d.resourceProject()).contains("nba-props-platform");
    }

    @Test
    void storageSecretManagerAndBigQueryPhrasings() {
        PermissionDenied.Denial gcs = PermissionDenied.of("403 GET https://storage.googleapis.com/storage/v1/b/nba-scraped-data/o/x: "
                + "props-scraper@nba-props-platform.iam.gserviceaccount.com does not have storage.objects.get access to the "
                + "Google Cloud Storage object. Permission 'storage.objects.get' denied on resource (or it may not exist).").orElseThrow();
        assertThat(gcs.permission()).contains("storage.objects.get");
        PermissionDenied.Denial secret = PermissionDenied.of("google.api_core.exceptions.PermissionDenied: 403 Permission "
                + "'secretmanager.versions.access' denied for resource 'projects/nba-props-platform/secrets/odds-api-key/versions/latest' "
                + "(or it may not exist).").orElseThrow();
        assertThat(secret.permission()).contains("secretmanager.versions.access");
        assertThat(secret.resource()).contains("projects/nba-props-platform/secrets/odds-api-key/versions/latest");
        assertThat(secret.resourceProject()).contains("nba-props-platform");
        PermissionDenied.Denial bq = PermissionDenied.of("403 POST https://bigquery.googleapis.com/bigquery/v2/projects/nba-props-platform/jobs: "
                + "Access Denied: Project nba-props-platform: User does not have bigquery.jobs.create permission in project "
                + "nba-props-platform.").orElseThrow();
        assertThat(bq.permission()).contains("bigquery.jobs.create");
        assertThat(bq.resourceProject()).contains("nba-props-platform");
        PermissionDenied.Denial table = PermissionDenied.of("Access Denied: Table nba-props-platform:nba_raw.odds_api_props: "
                + "Permission bigquery.tables.getData denied on table nba-props-platform:nba_raw.odds_api_props (or it may not exist).")
                .orElseThrow();
        assertThat(table.permission()).contains("bigquery.tables.getData");
        assertThat(table.resource()).contains("nba-props-platform:nba_raw.odds_api_props");
        assertThat(table.resourceProject()).contains("nba-props-platform");
    }

    @Test
    void genericDenialsWithoutAPermissionName() {
        PermissionDenied.Denial firestore = PermissionDenied.of("google.api_core.exceptions.PermissionDenied: 403 Missing or "
                + "insufficient permissions.").orElseThrow();
        assertThat(firestore.permission()).isEmpty();
        assertThat(PermissionDenied.of("7 PERMISSION_DENIED: The caller does not have permission")).get()
                .extracting(PermissionDenied.Denial::permission).isEqualTo(Optional.empty());
        assertThat(PermissionDenied.of("HTTP 403 from the odds API")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"processed 403 rows", "player 403 not found", "Error: ", "KeyError: 'permission'",
        "Failed to record metric: 500 internal error"})
    void notPermissionErrors(String text) {
        assertThat(PermissionDenied.of(text)).as(text).isEmpty();
    }
}
