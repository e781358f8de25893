package dev.propsops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON output through Jackson's tree model only: reports build their documents node by node, so nothing
 * is serialised by reflection and the native binary needs no reflection configuration for them.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Writes a command's one JSON document to standard output: indented for people, on one line on Cloud
     * Run, where each line of output becomes one log entry and a one-line JSON document becomes a
     * structured entry Cloud Logging can query.
     */
    public static void print(Invocation invocation, ObjectNode document) {
        invocation.out().println(invocation.onCloudRun() ? document.toString() : pretty(document));
    }

    /** Pretty-printed, for the one document a command writes to standard output. */
    public static String pretty(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not render JSON output", e);
        }
    }
}
