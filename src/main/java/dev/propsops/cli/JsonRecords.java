package dev.propsops.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a file of JSON records one at a time, as the gcloud and bq exports the jobs accept print them: a
 * JSON array of values ({@code gcloud ... --format=json}, {@code bq --format=json}), JSON Lines (one value
 * per line), or one single value. Memory holds one record at a time, whatever the file's size, and every
 * record comes with the line it starts on, so that errors can name the place.
 *
 * <p>A JSON Lines line that does not parse is handed to {@link Visitor#malformed} and reading goes on; in
 * an array or a single value, broken syntax ends the read with a {@link RecordFileException} (after the
 * records before it were visited).
 */
public final class JsonRecords {
    private JsonRecords() {
    }

    /** Receives the records of a file. */
    public interface Visitor {
        /** One record: {@code index} counts records from 0, {@code line} is where it starts (from 1). */
        void record(JsonNode value, long index, long line);

        /** A JSON Lines line that is not JSON; the index counts it as a record. Default: an error. */
        default void malformed(long index, long line, String why) {
            throw new IllegalStateException("line " + line + " is not JSON: " + why);
        }
    }

    /**
     * Receives the records of a file as a parser positioned on each record's first token, for readers that
     * take only some fields of big records and would rather not build a tree of each (log-triage reads
     * millions of log entries). The visitor must consume exactly that one value ({@code skipChildren} for what
     * it does not want); a {@link JsonProcessingException} it lets through is broken JSON at that record.
     */
    public interface StreamVisitor {
        void record(JsonParser parser, long index, long line) throws IOException;

        /** A JSON Lines line that is not JSON; the index counts it as a record. Default: an error. */
        default void malformed(long index, long line, String why) {
            throw new IllegalStateException("line " + line + " is not JSON: " + why);
        }
    }

    /** The layout a file turned out to have. */
    public enum Layout {
        ARRAY,
        LINES,
        EMPTY
    }

    /** Reads every record of {@code file}; returns the layout it had. */
    public static Layout read(Path file, Visitor visitor) {
        return stream(file, new StreamVisitor() {
            @Override
            public void record(JsonParser parser, long index, long line) throws IOException {
                visitor.record(parser.readValueAsTree(), index, line);
            }

            @Override
            public void malformed(long index, long line, String why) {
                visitor.malformed(index, line, why);
            }
        });
    }

    /** Reads every record of {@code file} as parser positions (see {@link StreamVisitor}); returns the layout. */
    public static Layout stream(Path file, StreamVisitor visitor) {
        try (InputStream raw = Files.newInputStream(file)) {
            PushbackInputStream in = new PushbackInputStream(raw, 8);
            int first = firstSignificant(in);
            if (first < 0) {
                return Layout.EMPTY;
            }
            in.unread(first);
            if (first == '[') {
                readArray(file, in, visitor);
                return Layout.ARRAY;
            }
            readLines(file, in, visitor);
            return Layout.LINES;
        } catch (NoSuchFileException e) {
            throw OpsException.usage("no such file: " + file, "check the path");
        } catch (IOException e) {
            throw OpsException.usage("cannot read " + file + ": " + e.getMessage(), "check the path and its permissions");
        }
    }

    private static void readArray(Path file, InputStream in, StreamVisitor visitor) throws IOException {
        try (JsonParser p = Json.mapper().getFactory().createParser(in)) {
            p.nextToken(); // START_ARRAY
            long index = 0;
            try {
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) {
                        throw new RecordFileException(file, p.currentLocation().getLineNr(),
                                "the file ends inside its JSON array (truncated?) after " + index + " record(s)", index);
                    }
                    long line = p.currentTokenLocation().getLineNr();
                    visitor.record(p, index, line);
                    index++;
                }
                if (p.nextToken() != null) {
                    throw new RecordFileException(file, p.currentTokenLocation().getLineNr(),
                            "there is more after the end of the JSON array", index);
                }
            } catch (JsonProcessingException e) {
                throw new RecordFileException(file, e.getLocation() == null ? -1 : e.getLocation().getLineNr(),
                        "not valid JSON: " + e.getOriginalMessage(), index);
            }
        }
    }

    /**
     * JSON Lines, or one value spread over several lines: each line is tried on its own first; a line that
     * starts a value it does not finish is read on together with the lines after it.
     */
    private static void readLines(Path file, InputStream in, StreamVisitor visitor) throws IOException {
        BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        long index = 0;
        long lineNr = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNr++;
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                visitor.record(parser(text), index, lineNr);
            } catch (JsonProcessingException e) {
                if (index == 0 && isIncomplete(e)) {
                    // a pretty-printed single value: read the rest of the file as one
                    StringBuilder rest = new StringBuilder(line).append('\n');
                    char[] buf = new char[1 << 16];
                    for (int n; (n = reader.read(buf)) > 0;) {
                        rest.append(buf, 0, n);
                    }
                    try {
                        visitor.record(parser(rest.toString()), 0, lineNr);
                    } catch (JsonProcessingException whole) {
                        long at = whole.getLocation() == null ? lineNr : lineNr + whole.getLocation().getLineNr() - 1;
                        throw new RecordFileException(file, at, "not valid JSON: " + whole.getOriginalMessage(), 0);
                    }
                    return;
                }
                visitor.malformed(index, lineNr, e.getOriginalMessage());
            }
            index++;
        }
    }

    /** A parser on one value's text, at its first token (an empty text is no JSON, as readTree would say). */
    private static JsonParser parser(String text) throws IOException {
        JsonParser p = Json.mapper().getFactory().createParser(text);
        if (p.nextToken() == null) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "No content to map due to end-of-input");
        }
        return p;
    }

    private static boolean isIncomplete(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        return m != null && m.contains("end-of-input");
    }

    /** The first byte that is not whitespace or a UTF-8 byte order mark, or -1. */
    private static int firstSignificant(PushbackInputStream in) throws IOException {
        int b;
        while ((b = in.read()) >= 0) {
            if (b == 0xEF) { // UTF-8 BOM: EF BB BF
                in.read();
                in.read();
                continue;
            }
            if (!Character.isWhitespace(b)) {
                return b;
            }
        }
        return -1;
    }

    /** A file whose JSON is broken at a place: a usage error (exit 2) that names the file and the line. */
    public static final class RecordFileException extends OpsException {
        private final Path file;
        private final long line;
        private final long recordsRead;

        public RecordFileException(Path file, long line, String what, long recordsRead) {
            super(ExitCode.USAGE, file + (line > 0 ? ":" + line : "") + ": " + what,
                    "regenerate the file with the command the job's --help names");
            this.file = file;
            this.line = line;
            this.recordsRead = recordsRead;
        }

        public Path file() {
            return file;
        }

        public long line() {
            return line;
        }

        /** How many records were visited before the break. */
        public long recordsRead() {
            return recordsRead;
        }
    }
}
