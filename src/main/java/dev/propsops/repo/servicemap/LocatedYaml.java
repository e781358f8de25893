package dev.propsops.repo.servicemap;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a small tree whose every node knows its line, read with jackson-dataformat-yaml's
 * streaming parser (the tree model drops token locations). Enough for configuration files: mappings,
 * sequences and scalars; a duplicate key is an error, as is a second document.
 */
final class LocatedYaml {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private LocatedYaml() {
    }

    sealed interface Node permits Scalar, Sequence, Mapping {
        int line();

        /** What it is, for messages: "a list", "a mapping", "the number 3". */
        String describe();
    }

    /** A scalar; {@code text} is null for a YAML null (an empty value or {@code ~}). */
    record Scalar(String text, JsonToken token, int line) implements Node {
        boolean isString() {
            return token == JsonToken.VALUE_STRING;
        }

        @Override
        public String describe() {
            return switch (token) {
                case VALUE_NULL -> "an empty value";
                case VALUE_STRING -> "'" + text + "'";
                case VALUE_TRUE, VALUE_FALSE -> "the boolean " + text;
                default -> "the number " + text;
            };
        }
    }

    record Sequence(List<Node> items, int line) implements Node {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A key of a mapping with the line it is written on. */
    record Key(String name, int line) {
    }

    record Mapping(Map<String, Node> fields, Map<String, Key> keys, int line) implements Node {
        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** A place in the text that is not what was expected. */
    static final class YamlError extends Exception {
        private final int line;

        YamlError(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    /** The document of {@code text}; null for an empty document. */
    static Node parse(String text) throws YamlError {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            Node root = read(p, first);
            JsonToken after = p.nextToken();
            if (after != null) {
                throw new YamlError(line(p.currentTokenLocation()), "a second YAML document: the file must hold one");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new YamlError(YamlErrors.line(e), "not valid YAML: " + YamlErrors.message(e));
        } catch (IOException e) {
            throw new YamlError(0, "cannot read YAML: " + e.getMessage());
        }
    }

    private static Node read(JsonParser p, JsonToken t) throws IOException, YamlError {
        int line = line(p.currentTokenLocation());
        switch (t) {
            case START_OBJECT -> {
                Map<String, Node> fields = new LinkedHashMap<>();
                Map<String, Key> keys = new LinkedHashMap<>();
                JsonToken next;
                while ((next = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    int keyLine = line(p.currentTokenLocation());
                    if (keys.containsKey(name)) {
                        throw new YamlError(keyLine, "the key '" + name + "' appears twice in one mapping (first on line "
                                + keys.get(name).line() + ")");
                    }
                    keys.put(name, new Key(name, keyLine));
                    fields.put(name, read(p, p.nextToken()));
                }
                return new Mapping(fields, keys, line);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (next == null) {
                        throw new YamlError(line, "the list is not closed");
                    }
                    items.add(read(p, next));
                }
                return new Sequence(items, line);
            }
            case VALUE_NULL -> {
                return new Scalar(null, t, line);
            }
            default -> {
                if (t.isScalarValue()) {
                    return new Scalar(p.getText(), t, line);
                }
                throw new YamlError(line, "unexpected " + t);
            }
        }
    }

    private static int line(JsonLocation l) {
        return l == null ? 0 : l.getLineNr();
    }
}
