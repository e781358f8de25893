package dev.propsops.staging.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.propsops.cli.ExitCode;
import dev.propsops.cli.OpsException;
import dev.propsops.staging.TableDetails;
import dev.propsops.staging.TableMeta;
import dev.propsops.staging.TableType;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The file `bq query --format=json 'SELECT * FROM dataset.__TABLES__'` prints, and files that are not it. */
class InventoryFileCatalogTest {
    @TempDir
    Path dir;

    static Path sample() throws URISyntaxException {
        return Path.of(InventoryFileCatalogTest.class.getResource("/staging/nba_raw-tables.json").toURI());
    }

    @Test
    void readsBqJsonWhereEveryValueIsAString() throws Exception {
        InventoryFileCatalog catalog = InventoryFileCatalog.load(sample());
        assertThat(catalog.datasets()).containsExactly("nba_raw");
        assertThat(catalog.project()).contains("nba-props-platform");
        List<TableMeta> tables = catalog.tables("nba_raw");
        assertThat(tables).extracting(TableMeta::table).containsExactly("odds_api_temp_test", "player_game_summary_staging_v2",
                "team_defense_backup_20250115", "gold_players", "odds_history_old", "gcs_scrapes_tmp");
        TableMeta backup = tables.get(2);
        assertThat(backup.lastModified()).isEqualTo(Instant.parse("2025-01-15T00:00:00Z"));
        assertThat(backup.sizeBytes()).isEqualTo(536_870_912_000L);
        assertThat(backup.rows()).isEqualTo(900);
        assertThat(backup.type()).isEqualTo(TableType.TABLE);
        assertThat(tables.get(4).type()).isEqualTo(TableType.VIEW);
        assertThat(tables.get(5).type()).isEqualTo(TableType.EXTERNAL);
        assertThat(catalog.details(backup).status()).isEqualTo(TableDetails.Status.UNKNOWN);
        assertThat(catalog.tables("nba_analytics")).isEmpty();
    }

    @Test
    void acceptsNumbersAndSeveralDatasetsInOneFile() throws IOException {
        Path f = write("""
                [{"project_id":"p1","dataset_id":"nba_raw","table_id":"a_tmp","creation_time":1,"last_modified_time":2,
                  "row_count":3,"size_bytes":4,"type":1},
                 {"project_id":"p2","dataset_id":"nba_analytics","table_id":"b_old","creation_time":"1","last_modified_time":"2",
                  "row_count":"3","size_bytes":"4","type":"1"}]""");
        InventoryFileCatalog catalog = InventoryFileCatalog.load(f);
        assertThat(catalog.datasets()).containsExactly("nba_raw", "nba_analytics");
        assertThat(catalog.tables("nba_raw").get(0).sizeBytes()).isEqualTo(4);
        assertThat(catalog.project()).isEmpty();
    }

    @Test
    void anEmptyArrayHasNoTables() throws IOException {
        assertThat(InventoryFileCatalog.load(write("[]")).datasets()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not json                 | Waiting on bqjob_r1_1 ... (0s) Current status: DONE | is not JSON",
            "truncated                | [{\"dataset_id\":\"nba_raw\",                       | is not JSON",
            "an object                | {\"dataset_id\":\"nba_raw\"}                         | is not a JSON array",
            "a row that is a string   | [\"odds_api_temp_test\"]                             | entry 1 is not a JSON object",
            "no table_id              | [{\"dataset_id\":\"nba_raw\",\"type\":\"1\"}]        | entry 1 has no table_id",
            "no dataset_id            | [{\"table_id\":\"a_tmp\",\"type\":\"1\"}]            | entry 1 has no dataset_id",
            "no size                  | [{\"dataset_id\":\"d\",\"table_id\":\"a_tmp\",\"type\":\"1\",\"creation_time\":\"1\",\"last_modified_time\":\"2\",\"row_count\":\"3\"}] | has no size_bytes",
            "size not a number        | [{\"dataset_id\":\"d\",\"table_id\":\"a_tmp\",\"type\":\"1\",\"creation_time\":\"1\",\"last_modified_time\":\"2\",\"row_count\":\"3\",\"size_bytes\":\"12 GB\"}] | size_bytes = \"12 GB\", not a whole number",
            "time as a date           | [{\"dataset_id\":\"d\",\"table_id\":\"a_tmp\",\"type\":\"1\",\"creation_time\":\"1\",\"last_modified_time\":\"2025-01-15\",\"row_count\":\"3\",\"size_bytes\":\"4\"}] | last_modified_time",
            "negative rows            | [{\"dataset_id\":\"d\",\"table_id\":\"a_tmp\",\"type\":\"1\",\"creation_time\":\"1\",\"last_modified_time\":\"2\",\"row_count\":\"-3\",\"size_bytes\":\"4\"}] | negative row_count",
            "second row bad           | [{\"dataset_id\":\"d\",\"table_id\":\"a_tmp\",\"type\":\"1\",\"creation_time\":\"1\",\"last_modified_time\":\"2\",\"row_count\":\"3\",\"size_bytes\":\"4\"},{}] | entry 2 has no table_id",
    })
    void malformedFilesAreUsageErrorsThatPointAtTheProblem(String name, String content, String expected) throws IOException {
        Path f = write(content);
        assertThatThrownBy(() -> InventoryFileCatalog.load(f)).isInstanceOfSatisfying(OpsException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).contains(f.toString(), expected);
            assertThat(e.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("bq query --format=json"));
        });
    }

    @Test
    void bqProgressLinesGetAHintAboutQuietMode() throws IOException {
        Path f = write("Waiting on bqjob_r1_1 ... (0s) Current status: DONE\n[]");
        assertThatThrownBy(() -> InventoryFileCatalog.load(f)).isInstanceOfSatisfying(OpsException.class,
                e -> assertThat(e.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("-q")));
    }

    @Test
    void aMissingFileOrADirectoryIsAUsageError() {
        for (Path p : new Path[] { dir.resolve("nope.json"), dir }) {
            assertThatThrownBy(() -> InventoryFileCatalog.load(p)).isInstanceOfSatisfying(OpsException.class, e -> {
                assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                assertThat(e.getMessage()).contains("cannot read the inventory file", p.toString());
            });
        }
    }

    private Path write(String content) throws IOException {
        Path f = dir.resolve("inventory-" + System.nanoTime() + ".json");
        Files.writeString(f, content);
        return f;
    }
}
