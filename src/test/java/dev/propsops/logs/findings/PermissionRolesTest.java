package dev.propsops.logs.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class PermissionRolesTest {
    @Test
    void theShippedTableHasTheHandoffsPermissionAndEveryServiceThePlatformUses() {
        PermissionRoles roles = PermissionRoles.shipped();
        assertThat(roles.lookup("monitoring.timeSeries.create")).get().extracting(PermissionRoles.Grant::role)
                .isEqualTo("roles/monitoring.metricWriter");
        assertThat(roles.lookup("bigquery.jobs.create")).get().extracting(PermissionRoles.Grant::role).isEqualTo("roles/bigquery.jobUser");
        assertThat(roles.lookup("bigquery.tables.getData")).get().extracting(PermissionRoles.Grant::role)
                .isEqualTo("roles/bigquery.dataViewer");
        assertThat(roles.lookup("secretmanager.versions.access")).get().extracting(PermissionRoles.Grant::role)
                .isEqualTo("roles/secretmanager.secretAccessor");
        assertThat(roles.all().keySet()).anyMatch(p -> p.startsWith("datastore.entities."))
                .anyMatch(p -> p.startsWith("storage.objects.")).anyMatch(p -> p.startsWith("pubsub."))
                .anyMatch(p -> p.startsWith("logging.logEntries.")).anyMatch(p -> p.startsWith("run."));
        assertThat(roles.all().values()).allSatisfy(g -> assertThat(g.role()).matches("roles/[a-z]+\\.[a-zA-Z]+"));
        assertThat(roles.lookup("compute.instances.create")).isEmpty();
    }

    @Test
    void aBrokenTableIsRefusedWithItsLine() {
        assertThatThrownBy(() -> PermissionRoles.parse(new BufferedReader(new StringReader("# c\nmonitoring.timeSeries.create metricWriter\n")), "t.tsv"))
                .hasMessageContaining("t.tsv:2");
        assertThatThrownBy(() -> PermissionRoles.parse(new BufferedReader(new StringReader(
                "a.b.c\troles/x.y\tone\na.b.c\troles/x.z\ttwo\n")), "t.tsv")).hasMessageContaining("listed twice");
    }
}
