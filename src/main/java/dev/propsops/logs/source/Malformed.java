package dev.propsops.logs.source;

/** Why an entry of the input was skipped as malformed; the report counts each reason. */
public enum Malformed {
    /** A JSON Lines line that is not JSON. */
    NOT_JSON("not JSON"),
    /** A value that is not a JSON object (a number, a string, an array). */
    NOT_AN_OBJECT("not an object"),
    /** No {@code timestamp}, or one that is not an RFC 3339 time. */
    NO_TIMESTAMP("no timestamp"),
    /** None of textPayload, jsonPayload, protoPayload, httpRequest, or one of the wrong type. */
    UNKNOWN_PAYLOAD("unknown payload shape");

    private final String label;

    Malformed(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** As JSON writes it: {@code no_timestamp}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
