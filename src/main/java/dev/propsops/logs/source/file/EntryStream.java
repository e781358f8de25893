package dev.propsops.logs.source.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.propsops.logs.source.LogEntry;
import dev.propsops.logs.source.LogSeverity;
import dev.propsops.logs.source.Malformed;
import java.io.IOException;
import java.time.Instant;

/**
 * {@link EntryJson}'s reading of an entry, straight from the parser: only the fields log-triage uses are
 * read, everything else is skipped without building a tree (an entry of {@code gcloud logging read} has
 * some 25 values, of which a dozen matter). The same rules as {@link EntryJson}; a test checks that both
 * read every sample the same way.
 */
final class EntryStream {
    private static final int ABSENT = 0;
    private static final int OK = 1;
    private static final int BAD = 2;

    private EntryStream() {
    }

    /** The entry at the parser's current token (consumed), or a {@link Malformed} reason. */
    static Object parse(JsonParser p, long index) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return Malformed.NOT_AN_OBJECT;
        }
        String timestamp = null;
        String severity = "";
        String insertId = "";
        int json = ABSENT;
        String jsonMessage = null;
        String jsonMsg = null;
        int text = ABSENT;
        String textPayload = null;
        int proto = ABSENT;
        String protoType = "";
        String protoStatus = null;
        int http = ABSENT;
        String httpStatus = "";
        String httpMethod = "";
        String httpUrl = "";
        String type = "";
        String[] rl = new String[EntryJson.RESOURCE_LABELS.length];
        String[] labels = new String[EntryJson.ENTRY_LABELS.length];
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "timestamp" -> timestamp = v == JsonToken.VALUE_STRING ? p.getText() : skip(p, null);
                case "severity" -> severity = scalar(p, v);
                case "insertId" -> insertId = scalar(p, v);
                case "textPayload" -> {
                    text = v == JsonToken.VALUE_STRING ? OK : BAD;
                    textPayload = text == OK ? p.getText() : skip(p, null);
                }
                case "jsonPayload" -> {
                    if (v != JsonToken.START_OBJECT) {
                        json = BAD;
                        p.skipChildren();
                    } else {
                        json = OK;
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String f = p.currentName();
                            JsonToken fv = p.nextToken();
                            if (f.equals("message")) {
                                jsonMessage = value(p, fv);
                            } else if (f.equals("msg")) {
                                jsonMsg = value(p, fv);
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                }
                case "protoPayload" -> {
                    if (v != JsonToken.START_OBJECT) {
                        proto = BAD;
                        p.skipChildren();
                    } else {
                        proto = OK;
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String f = p.currentName();
                            JsonToken fv = p.nextToken();
                            if (f.equals("@type")) {
                                protoType = scalar(p, fv);
                            } else if (f.equals("status") && fv == JsonToken.START_OBJECT) {
                                while (p.nextToken() == JsonToken.FIELD_NAME) {
                                    String sf = p.currentName();
                                    JsonToken sv = p.nextToken();
                                    if (sf.equals("message")) {
                                        protoStatus = scalar(p, sv);
                                    } else {
                                        p.skipChildren();
                                    }
                                }
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                }
                case "httpRequest" -> {
                    if (v != JsonToken.START_OBJECT) {
                        p.skipChildren();
                    } else {
                        http = OK;
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String f = p.currentName();
                            JsonToken fv = p.nextToken();
                            switch (f) {
                                case "status" -> httpStatus = scalar(p, fv);
                                case "requestMethod" -> httpMethod = scalar(p, fv);
                                case "requestUrl" -> httpUrl = scalar(p, fv);
                                default -> p.skipChildren();
                            }
                        }
                    }
                }
                case "resource" -> {
                    if (v != JsonToken.START_OBJECT) {
                        p.skipChildren();
                    } else {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String f = p.currentName();
                            JsonToken fv = p.nextToken();
                            if (f.equals("type")) {
                                type = scalar(p, fv);
                            } else if (f.equals("labels")) {
                                labels(p, fv, EntryJson.RESOURCE_LABELS, rl);
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                }
                case "labels" -> labels(p, v, EntryJson.ENTRY_LABELS, labels);
                default -> p.skipChildren();
            }
        }
        Instant t = timestamp == null ? null : Rfc3339.parse(timestamp);
        if (t == null) {
            return Malformed.NO_TIMESTAMP;
        }
        String message;
        LogEntry.PayloadKind kind;
        if (json != ABSENT) {
            if (json == BAD) {
                return Malformed.UNKNOWN_PAYLOAD;
            }
            message = jsonMessage != null ? jsonMessage : jsonMsg != null ? jsonMsg : "";
            kind = LogEntry.PayloadKind.JSON;
        } else if (text != ABSENT) {
            if (text == BAD) {
                return Malformed.UNKNOWN_PAYLOAD;
            }
            message = textPayload;
            kind = LogEntry.PayloadKind.TEXT;
        } else if (proto != ABSENT) {
            if (proto == BAD || protoStatus == null && !protoType.endsWith(EntryJson.AUDIT_LOG)) {
                return Malformed.UNKNOWN_PAYLOAD;
            }
            message = protoStatus == null ? "" : protoStatus;
            kind = LogEntry.PayloadKind.PROTO;
        } else if (http == OK) {
            message = EntryJson.request(httpStatus, httpMethod, httpUrl);
            kind = LogEntry.PayloadKind.HTTP_REQUEST;
        } else {
            return Malformed.UNKNOWN_PAYLOAD;
        }
        LogSeverity s = LogSeverity.parse(severity).orElse(LogSeverity.DEFAULT);
        return EntryJson.entry(index, t, s, insertId, type, rl, labels, kind, message);
    }

    private static void labels(JsonParser p, JsonToken v, String[] wanted, String[] into) throws IOException {
        if (v != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken fv = p.nextToken();
            int i = indexOf(wanted, f);
            if (i >= 0) {
                into[i] = scalar(p, fv);
            } else {
                p.skipChildren();
            }
        }
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** A scalar as text (as JsonNode.asText would give it); "" for null, objects and arrays (skipped). */
    private static String scalar(JsonParser p, JsonToken v) throws IOException {
        if (v == null) {
            return "";
        }
        if (v.isScalarValue()) {
            return v == JsonToken.VALUE_NULL ? "" : p.getText();
        }
        p.skipChildren();
        return "";
    }

    /** A message value: its text, JSON for anything else, null for JSON null (= absent). */
    private static String value(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        return p.readValueAsTree().toString();
    }

    private static String skip(JsonParser p, String result) throws IOException {
        p.skipChildren();
        return result;
    }
}
