package dev.propsops.staging.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.propsops.cli.Json;
import dev.propsops.cli.OpsException;
import dev.propsops.staging.TableCatalog;
import dev.propsops.staging.TableDetails;
import dev.propsops.staging.TableMeta;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tables from an inventory file: the JSON array that
 * {@code bq query --format=json 'SELECT * FROM dataset.__TABLES__'} prints, one object per table with
 * project_id, dataset_id, table_id, creation_time, last_modified_time, row_count, size_bytes and type
 * (bq writes every value as a string; numbers are accepted too). Rows of several datasets may be in one
 * file. It has no labels or expirations: plans from it say so, and acting needs BigQuery.
 */
public final class InventoryFileCatalog implements TableCatalog {
    public static final String HOW_TO_MAKE = "make it with: bq query --format=json --nouse_legacy_sql "
            + "'SELECT * FROM `PROJECT.DATASET.__TABLES__`' > FILE";

    private final Path file;
    private final Map<String, List<TableMeta>> byDataset;
    private final Optional<String> project;

    private InventoryFileCatalog(Path file, Map<String, List<TableMeta>> byDataset, Optional<String> project) {
        this.file = file;
        this.byDataset = byDataset;
        this.project = project;
    }

    /** Reads and checks the whole file; anything malformed is a usage error naming the row and field. */
    public static InventoryFileCatalog load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw OpsException.usage("cannot read the inventory file " + file + ": " + e, HOW_TO_MAKE);
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw OpsException.usage("the inventory file " + file + " is not JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ")", HOW_TO_MAKE
                    + (text.contains("Waiting on") ? " (add -q so that bq prints no progress lines)" : ""));
        }
        if (root == null || root.isMissingNode() || !root.isArray()) {
            throw OpsException.usage("the inventory file " + file + " is not a JSON array of tables", HOW_TO_MAKE);
        }
        Map<String, List<TableMeta>> byDataset = new LinkedHashMap<>();
        String project = null;
        boolean oneProject = true;
        for (int i = 0; i < root.size(); i++) {
            Row row = new Row(file, i, root.get(i));
            TableMeta meta = row.meta();
            byDataset.computeIfAbsent(meta.dataset(), d -> new ArrayList<>()).add(meta);
            String p = row.optionalText("project_id");
            if (p != null) {
                oneProject &= project == null || project.equals(p);
                project = project == null ? p : project;
            }
        }
        return new InventoryFileCatalog(file, byDataset, oneProject ? Optional.ofNullable(project) : Optional.empty());
    }

    public Set<String> datasets() {
        return byDataset.keySet();
    }

    /** The project of the rows, when they all name the same one. */
    public Optional<String> project() {
        return project;
    }

    public Path file() {
        return file;
    }

    @Override
    public String describe() {
        return "inventory file " + file;
    }

    @Override
    public List<TableMeta> tables(String dataset) {
        return byDataset.getOrDefault(dataset, List.of());
    }

    @Override
    public TableDetails details(TableMeta table) {
        return TableDetails.unknown();
    }

    /** One object of the array, with errors that point at it. */
    private record Row(Path file, int index, JsonNode node) {
        TableMeta meta() {
            if (node == null || !node.isObject()) {
                throw error("is not a JSON object");
            }
            String table = requiredText("table_id");
            return new TableMeta(requiredText("dataset_id"), table, number("type", table),
                    Instant.ofEpochMilli(number("creation_time", table)), Instant.ofEpochMilli(number("last_modified_time", table)),
                    number("row_count", table), number("size_bytes", table));
        }

        String optionalText(String field) {
            JsonNode v = node.get(field);
            return v == null || v.isNull() ? null : v.asText();
        }

        private String requiredText(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
                throw error("has no " + field);
            }
            return v.asText();
        }

        private long number(String field, String table) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                throw error("(table " + table + ") has no " + field);
            }
            if (v.isIntegralNumber()) {
                return checked(field, table, v.asLong());
            }
            try {
                if (v.isTextual()) {
                    return checked(field, table, Long.parseLong(v.asText().trim()));
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw error("(table " + table + ") has " + field + " = " + v + ", not a whole number");
        }

        private long checked(String field, String table, long value) {
            if (value < 0) {
                throw error("(table " + table + ") has a negative " + field + ": " + value);
            }
            return value;
        }

        private OpsException error(String what) {
            return OpsException.usage("the inventory file " + file + ": entry " + (index + 1) + " " + what, HOW_TO_MAKE);
        }
    }
}
