package dev.propsops.heartbeat.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassifierTest {
    private static final Instant T = Instant.parse("2026-02-01T03:00:00Z");

    private static Classification classify(String id, Object processorName) {
        return Classifier.classify(new HeartbeatDoc(id, processorName, T, T));
    }

    @ParameterizedTest(name = "{0} (processor_name={1}) -> {2} {3}")
    @CsvSource(nullValues = "null", value = {
            // canonical: id equals the field, or no field and no legacy shape
            "nba-phase3-analytics-processors, nba-phase3-analytics-processors, CANONICAL, nba-phase3-analytics-processors",
            "nbac_gamebook_processor, null, CANONICAL, nbac_gamebook_processor",
            "mlb-phase6-grading-2, null, CANONICAL, mlb-phase6-grading-2",
            // legacy with the field: the field settles where the processor name ends
            "nbac_gamebook_processor_2026-01-15_run_7, nbac_gamebook_processor, LEGACY, nbac_gamebook_processor",
            "nba-phase2-raw-processors_None_abc123, nba-phase2-raw-processors, LEGACY, nba-phase2-raw-processors",
            "p_2026-01-01_x_2026-01-02_y, p, LEGACY, p",
            "p_2026-01-01_x_2026-01-02_y, p_2026-01-01_x, LEGACY, p_2026-01-01_x",
            // legacy by id alone: one unambiguous split; processor names with _ - and digits, run ids with _
            "odds_api_props_processor_2025-12-31_8f2c_retry_1, null, LEGACY, odds_api_props_processor",
            "mlb-phase1-scrapers-v2_None_20260101_0300, null, LEGACY, mlb-phase1-scrapers-v2",
            "a_2024-02-29_r, null, LEGACY, a",
            // foreign: the field disagrees with the id, ambiguous or invalid tokens, nothing legacy about it
            "nba-phase3-analytics-processors, nba-phase4-precompute-processors, FOREIGN, null",
            "nba-phase3_2026-01-01_r, nba-phase4, FOREIGN, null",
            "p_2026-01-01_x_2026-01-02_y, null, FOREIGN, null",
            "p_None_None_x, null, FOREIGN, null",
            "p_2026-13-45_run, null, FOREIGN, null",
            "p_2025-02-29_run, null, FOREIGN, null",
            "_2026-01-01_run, null, FOREIGN, null",
            "p_2026-01-01_, null, FOREIGN, null",
            "nba-phase3, nba-phase3_2026-01-01_r, FOREIGN, null",
            "dashboard-config, other, FOREIGN, null",
    })
    void classifies(String id, String processorName, DocKind kind, String processor) {
        Classification c = classify(id, processorName);
        assertThat(c.kind()).isEqualTo(kind);
        assertThat(c.processor()).isEqualTo(Optional.ofNullable(processor));
        assertThat(c.malformed()).isFalse();
    }

    @Test
    void mistypedFieldsAreMalformedButLegacyByIdIsEnough() {
        Classification numberName = Classifier.classify(new HeartbeatDoc("nba-phase2_2026-01-01_r1", 42L, T, T));
        assertThat(numberName.kind()).isEqualTo(DocKind.LEGACY);
        assertThat(numberName.processor()).contains("nba-phase2");
        assertThat(numberName.problems()).containsExactly("processor_name is a number, not a string");

        Classification stringBeat = Classifier.classify(new HeartbeatDoc("nba-phase2_None_r1", null, "yesterday", T));
        assertThat(stringBeat.kind()).isEqualTo(DocKind.LEGACY);
        assertThat(stringBeat.problems()).containsExactly("last_heartbeat is a string, not a timestamp");

        Classification bare = Classifier.classify(new HeartbeatDoc("nba-phase2_2026-01-01_r1", Map.of("x", 1), null, T));
        assertThat(bare.kind()).isEqualTo(DocKind.LEGACY);
        assertThat(bare.problems()).containsExactly("processor_name is a map, not a string", "no last_heartbeat");

        Classification blank = Classifier.classify(new HeartbeatDoc("nba-phase5", "  ", List.of(), T));
        assertThat(blank.kind()).isEqualTo(DocKind.CANONICAL);
        assertThat(blank.problems()).hasSize(2);
        assertThat(blank.malformed()).isTrue();
    }

    @Test
    void legacyIdParsesOnlyUnambiguousSplits() {
        assertThat(LegacyId.parse("nba_raw_2026-01-01_run_a")).contains(new LegacyId("nba_raw", "2026-01-01", "run_a"));
        assertThat(LegacyId.parse("x_None_y")).contains(new LegacyId("x", "None", "y"));
        assertThat(LegacyId.parse("x_None_y_None_z")).isEmpty();
        assertThat(LegacyId.parse("x_2026-01-01")).isEmpty();
        assertThat(LegacyId.parse("x__2026-01-01_r")).contains(new LegacyId("x_", "2026-01-01", "r"));
        assertThat(LegacyId.parseFor("x_None_y_None_z", "x_None_y")).contains(new LegacyId("x_None_y", "None", "z"));
        assertThat(LegacyId.parseFor("x_None_y", "z")).isEmpty();
        assertThat(LegacyId.parse("__x___2026-01-01_r")).as("a reserved name __x__ is never a processor").isEmpty();
    }

    /**
     * Random ids built from the awkward characters: a doc the classifier calls legacy of processor P always
     * has the id P_<valid date or None>_<non-empty>, and a canonical doc's id is its processor name; so the
     * cleanup can never read a canonical doc as legacy, nor attribute a legacy doc to a wrong processor.
     */
    @Test
    void randomIdsNeverMisreadACanonicalOrForeignDocAsLegacy() {
        Random random = new Random(20260201);
        String[] parts = { "_", "-", "nba", "mlb", "2026-01-01", "2026-13-01", "None", "none", "1", "_None_",
                "_2025-12-31_", "phase3", "x", "__", "é" };
        for (int i = 0; i < 50_000; i++) {
            StringBuilder id = new StringBuilder();
            int n = 1 + random.nextInt(7);
            for (int k = 0; k < n; k++) {
                id.append(parts[random.nextInt(parts.length)]);
            }
            Object field = switch (random.nextInt(4)) {
                case 0 -> null;
                case 1 -> id.toString();
                case 2 -> id.substring(0, random.nextInt(id.length() + 1));
                default -> 7L;
            };
            Classification c = classify(id.toString(), field);
            switch (c.kind()) {
                case LEGACY -> {
                    String p = c.processor().orElseThrow();
                    String rest = id.substring(p.length());
                    assertThat(id.toString()).startsWith(p + "_");
                    assertThat(rest).matches("_(\\d{4}-\\d{2}-\\d{2}|None)_.+");
                    if (field instanceof String s && !s.isBlank()) {
                        assertThat(p).as("a named processor wins").isEqualTo(s);
                    } else {
                        assertThat(LegacyId.parse(id.toString())).as(id.toString()).isPresent();
                    }
                }
                case CANONICAL -> {
                    assertThat(c.processor()).contains(id.toString());
                    if (!(field instanceof String s && !s.isBlank())) {
                        assertThat(LegacyId.looksLegacy(id.toString())).as(id.toString()).isFalse();
                    }
                }
                case FOREIGN -> assertThat(c.processor()).isEmpty();
            }
        }
    }
}
