package dev.propsops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonRecordsTest {
    @TempDir
    Path dir;

    private final List<String> seen = new ArrayList<>();
    private final List<String> bad = new ArrayList<>();

    private final JsonRecords.Visitor visitor = new JsonRecords.Visitor() {
        @Override
        public void record(com.fasterxml.jackson.databind.JsonNode value, long index, long line) {
            seen.add(index + "@" + line + ":" + value.path("n").asText(value.toString()));
        }

        @Override
        public void malformed(long index, long line, String why) {
            bad.add(index + "@" + line);
        }
    };

    private Path file(String content) throws Exception {
        return Files.writeString(dir.resolve("f.json"), content);
    }

    @Test
    void anArrayAsGcloudPrintsItGivesEachElementWithItsLine() throws Exception {
        assertThat(JsonRecords.read(file("[\n  {\n    \"n\": \"a\"\n  },\n  {\n    \"n\": \"b\"\n  }\n]\n"), visitor))
                .isEqualTo(JsonRecords.Layout.ARRAY);
        assertThat(seen).containsExactly("0@2:a", "1@5:b");
    }

    @Test
    void jsonLinesSkipABrokenLineAndGoOn() throws Exception {
        assertThat(JsonRecords.read(file("{\"n\":\"a\"}\n\n{\"n\": broken\n{\"n\":\"c\"}\n"), visitor)).isEqualTo(JsonRecords.Layout.LINES);
        assertThat(seen).containsExactly("0@1:a", "2@4:c");
        assertThat(bad).containsExactly("1@3");
    }

    @Test
    void onePrettyPrintedObjectIsOneRecord() throws Exception {
        JsonRecords.read(file("\uFEFF{\n  \"n\": \"only\"\n}\n"), visitor);
        assertThat(seen).containsExactly("0@1:only");
    }

    @Test
    void anEmptyFileHasNoRecords() throws Exception {
        assertThat(JsonRecords.read(file("  \n"), visitor)).isEqualTo(JsonRecords.Layout.EMPTY);
        assertThat(JsonRecords.read(file("[]"), visitor)).isEqualTo(JsonRecords.Layout.ARRAY);
        assertThat(seen).isEmpty();
    }

    @Test
    void aTruncatedArrayNamesTheLineAfterVisitingWhatCameBefore() throws Exception {
        Path f = file("[\n{\"n\":\"a\"},\n{\"n\":\"b\"},\n{\"n\":");
        JsonRecords.RecordFileException e = catchThrowableOfType(JsonRecords.RecordFileException.class, () -> JsonRecords.read(f, visitor));
        assertThat(seen).containsExactly("0@2:a", "1@3:b");
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.recordsRead()).isEqualTo(2);
        assertThat(e.getMessage()).startsWith(f + ":4: ");
    }

    @Test
    void garbageAfterTheArrayIsAnError() throws Exception {
        Path f = file("[1, 2]\n[3]\n");
        assertThat(catchThrowableOfType(JsonRecords.RecordFileException.class, () -> JsonRecords.read(f, visitor)).getMessage())
                .contains(":2: there is more after the end");
    }

    @Test
    void aMissingFileIsAUsageError() {
        OpsException e = catchThrowableOfType(OpsException.class, () -> JsonRecords.read(dir.resolve("nope.json"), visitor));
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).contains("no such file", "nope.json");
    }
}
