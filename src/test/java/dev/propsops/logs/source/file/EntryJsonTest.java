package dev.propsops.logs.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.propsops.cli.Json;
import dev.propsops.logs.source.LogEntry;
import dev.propsops.logs.source.LogSeverity;
import dev.propsops.logs.source.Malformed;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntryJsonTest {
    static JsonNode json(String s) throws Exception {
        return Json.mapper().readTree(s);
    }

    @Test
    void aCloudRunRevisionEntry() throws Exception {
        LogEntry e = (LogEntry) EntryJson.parse(json("""
                {"insertId":"65b9f3a2000a1b2c3d4e5f67","labels":{"instanceId":"00f46b9285c1"},
                 "logName":"projects/nba-props-platform/logs/run.googleapis.com%2Fstderr",
                 "resource":{"type":"cloud_run_revision","labels":{"service_name":"prediction-worker",
                   "revision_name":"prediction-worker-00042-abc","location":"us-west2","project_id":"nba-props-platform"}},
                 "severity":"ERROR","textPayload":"Error: ","timestamp":"2026-01-31T12:00:00.123456Z"}"""), 4);
        assertThat(e.index()).isEqualTo(4);
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2026-01-31T12:00:00.123456Z"));
        assertThat(e.severity()).isEqualTo(LogSeverity.ERROR);
        assertThat(e.service()).isEqualTo("prediction-worker");
        assertThat(e.revision()).isEqualTo("prediction-worker-00042-abc");
        assertThat(e.instance()).isEqualTo("00f46b9285c1");
        assertThat(e.project()).isEqualTo("nba-props-platform");
        assertThat(e.location()).isEqualTo("us-west2");
        assertThat(e.message()).isEqualTo("Error: ");
        assertThat(e.payload()).isEqualTo(LogEntry.PayloadKind.TEXT);
    }

    @Test
    void messageComesFromJsonMessageThenMsgThenTextThenTheAuditStatus() throws Exception {
        String r = "\"resource\":{\"type\":\"cloud_run_revision\",\"labels\":{\"service_name\":\"s\"}},\"timestamp\":\"2026-01-31T12:00:00Z\"";
        assertThat(((LogEntry) EntryJson.parse(json("{" + r + ",\"jsonPayload\":{\"message\":\"a\",\"msg\":\"b\"}}"), 0)).message()).isEqualTo("a");
        assertThat(((LogEntry) EntryJson.parse(json("{" + r + ",\"jsonPayload\":{\"msg\":\"b\"}}"), 0)).message()).isEqualTo("b");
        assertThat(((LogEntry) EntryJson.parse(json("{" + r + ",\"jsonPayload\":{\"level\":\"error\"}}"), 0)).message()).isEmpty();
        assertThat(((LogEntry) EntryJson.parse(json("{" + r + ",\"protoPayload\":{\"@type\":\"type.googleapis.com/google.cloud.audit.AuditLog\","
                + "\"status\":{\"code\":7,\"message\":\"Permission denied\"}}}"), 0)).message()).isEqualTo("Permission denied");
        assertThat(((LogEntry) EntryJson.parse(json("{" + r + ",\"httpRequest\":{\"requestMethod\":\"POST\",\"status\":503,"
                + "\"requestUrl\":\"https://prediction-worker-abc.a.run.app/predict?player=1\"}}"), 0)).message()).isEqualTo("HTTP 503 POST /predict");
    }

    @Test
    void aJobEntryTakesTheJobNameAndItsExecutionAndTask() throws Exception {
        LogEntry e = (LogEntry) EntryJson.parse(json("""
                {"labels":{"run.googleapis.com/execution_name":"nba-phase2-abcde","run.googleapis.com/task_index":"0",
                  "run.googleapis.com/task_attempt":"1"},
                 "resource":{"type":"cloud_run_job","labels":{"job_name":"nba-phase2","location":"us-west2"}},
                 "severity":"ERROR","textPayload":"boom","timestamp":"2026-01-31T12:00:00Z"}"""), 0);
        assertThat(e.service()).isEqualTo("nba-phase2");
        assertThat(e.revision()).isEqualTo("nba-phase2-abcde");
        assertThat(e.instance()).isEqualTo("nba-phase2-abcde/0/1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "\"text\"", "42"})
    void notAnObject(String s) throws Exception {
        assertThat(EntryJson.parse(json(s), 0)).isEqualTo(Malformed.NOT_AN_OBJECT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"textPayload\":\"x\"}", "{\"textPayload\":\"x\",\"timestamp\":\"yesterday\"}",
        "{\"textPayload\":\"x\",\"timestamp\":12345}", "{\"textPayload\":\"x\",\"timestamp\":\"2026-02-30T00:00:00Z\"}"})
    void noTimestamp(String s) throws Exception {
        assertThat(EntryJson.parse(json(s), 0)).isEqualTo(Malformed.NO_TIMESTAMP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"timestamp\":\"2026-01-31T12:00:00Z\"}", "{\"timestamp\":\"2026-01-31T12:00:00Z\",\"textPayload\":{\"a\":1}}",
        "{\"timestamp\":\"2026-01-31T12:00:00Z\",\"jsonPayload\":\"text\"}",
        "{\"timestamp\":\"2026-01-31T12:00:00Z\",\"protoPayload\":{\"@type\":\"type.googleapis.com/google.appengine.logging.v1.RequestLog\"}}"})
    void unknownPayload(String s) throws Exception {
        assertThat(EntryJson.parse(json(s), 0)).isEqualTo(Malformed.UNKNOWN_PAYLOAD);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"insertId\":\"a\",\"labels\":{\"instanceId\":\"i-1\",\"x\":{\"y\":[1,2]}},\"resource\":{\"type\":\"cloud_run_revision\",\"labels\":{\"service_name\":\"s\",\"revision_name\":\"s-1\",\"project_id\":\"p\",\"location\":\"us-west2\"}},\"severity\":\"ERROR\",\"textPayload\":\"Error: \",\"timestamp\":\"2026-01-31T12:00:00.5Z\",\"receiveTimestamp\":\"2026-01-31T12:00:01Z\"}",
        "{\"timestamp\":\"2026-01-31T12:00:00Z\",\"jsonPayload\":{\"message\":null,\"msg\":{\"a\":[1,\"b\"]}},\"severity\":500}",
        "{\"timestamp\":\"2026-01-31T12:00:00Z\",\"jsonPayload\":{\"message\":42,\"nested\":{\"message\":\"no\"}},\"textPayload\":\"ignored\"}",
        "{\"timestamp\":\"2026-01-31T12:00:00Z\",\"jsonPayload\":{}}",
        "{\"timestamp\":\"2026-01-31T12:00:00Z\",\"protoPayload\":{\"@type\":\"type.googleapis.com/google.cloud.audit.AuditLog\",\"status\":{\"code\":7,\"message\":\"denied\"}}}",
        "{\"timestamp\":\"2026-01-31T12:00:00Z\",\"protoPayload\":{\"@type\":\"type.googleapis.com/google.cloud.audit.AuditLog\"}}",
        "{\"timestamp\":\"2026-01-31T12:00:00Z\",\"protoPayload\":{\"@type\":\"other\",\"status\":\"x\"}}",
        "{\"timestamp\":\"2026-01-31T12:00:00Z\",\"httpRequest\":{\"status\":500,\"requestMethod\":\"GET\",\"requestUrl\":\"https://x.run.app/a/b?c=1\"}}",
        "{\"timestamp\":\"2026-01-31T12:00:00Z\",\"httpRequest\":\"odd\"}",
        "{\"timestamp\":\"2026-01-31T12:00:00Z\",\"textPayload\":null}",
        "{\"timestamp\":null,\"textPayload\":\"x\"}",
        "{\"timestamp\":[\"2026-01-31T12:00:00Z\"],\"textPayload\":\"x\"}",
        "{\"timestamp\":\"2026-01-31T12:00:00Z\",\"textPayload\":\"x\",\"labels\":{\"run.googleapis.com/execution_name\":\"e\",\"run.googleapis.com/task_index\":3},\"resource\":{\"type\":\"cloud_run_job\",\"labels\":{\"job_name\":\"j\"}}}",
        "{\"timestamp\":\"2026-01-31T12:00:00Z\",\"textPayload\":\"x\",\"resource\":{\"type\":\"cloud_function\",\"labels\":{\"function_name\":\"f\"}}}",
        "{\"timestamp\":\"2026-01-31T12:00:00Z\",\"textPayload\":\"x\",\"resource\":\"flat\",\"labels\":[1]}",
        "[{\"timestamp\":\"2026-01-31T12:00:00Z\"}]", "7", "null", "\"s\""})
    void theStreamingReaderReadsEveryEntryAsTheTreeReaderDoes(String s) throws Exception {
        Object tree = EntryJson.parse(json(s), 3);
        com.fasterxml.jackson.core.JsonParser p = Json.mapper().getFactory().createParser(s);
        p.nextToken();
        Object streamed = EntryJson.parse(p, 3);
        assertThat(streamed).isEqualTo(tree);
        assertThat(p.nextToken()).as("the value was consumed whole").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-31T12:00:00Z", "2026-01-31T12:00:00.1Z", "2026-01-31T12:00:00.123456789Z", "2024-02-29T23:59:59.5Z",
        "1999-12-31T00:00:00Z", "2026-01-31T14:00:00+02:00", "2026-01-31T12:00:00.000001Z"})
    void timesAsInstantParsesThem(String s) {
        assertThat(Rfc3339.parse(s)).isEqualTo(java.time.OffsetDateTime.parse(s).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-01T00:00:00Z", "2026-01-31T25:00:00Z", "2026-01-31 12:00:00Z",
        "2026-01-31T12:00:00.1234567890Z", "2025-02-29T00:00:00Z", ""})
    void notTimes(String s) {
        assertThat(Rfc3339.parse(s)).isNull();
    }
}
