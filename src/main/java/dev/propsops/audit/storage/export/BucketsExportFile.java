package dev.propsops.audit.storage.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.propsops.audit.CheckSkipped;
import dev.propsops.audit.sources.BqValues;
import dev.propsops.audit.storage.Bucket;
import dev.propsops.audit.storage.BucketSource;
import dev.propsops.cli.JsonRecords;
import dev.propsops.cli.JsonRecords.RecordFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Buckets from {@code buckets.json} ({@code gcloud storage buckets list --raw --format=json}: the JSON API's
 * bucket resources, with {@code lifecycle.rule}, {@code autoclass}, {@code projectNumber}), and sizes from
 * {@code bucket-sizes.json} (Monitoring's {@code timeSeries.list} response for storage/total_bytes), if there.
 */
public final class BucketsExportFile implements BucketSource {
    private final Path file;
    private final Path sizesFile;
    private final String sizesCommand;
    private List<Bucket> buckets;
    private Optional<String> projectNumber = Optional.empty();

    public BucketsExportFile(Path file, Path sizesFile, String sizesCommand) {
        this.file = file;
        this.sizesFile = sizesFile;
        this.sizesCommand = sizesCommand;
    }

    @Override
    public String describe() {
        return file + (Files.exists(sizesFile) ? " and " + sizesFile : "");
    }

    @Override
    public synchronized List<Bucket> buckets() {
        if (buckets == null) {
            List<Bucket> out = new ArrayList<>();
            JsonRecords.read(file, (n, index, line) -> {
                if (!n.isObject() || BqValues.text(n.get("name")).isEmpty()) {
                    throw new RecordFileException(file, line, "expected a bucket with a name (the JSON API resource that "
                            + "`gcloud storage buckets list --raw --format=json` prints)", index);
                }
                JsonNode rules = n.path("lifecycle").path("rule");
                if (!rules.isMissingNode() && !rules.isArray()) {
                    throw new RecordFileException(file, line, "lifecycle.rule of " + n.get("name").asText() + " is not a list", index);
                }
                boolean autoclass = n.path("autoclass").path("enabled").asBoolean(false)
                        || "true".equalsIgnoreCase(n.path("autoclass").path("enabled").asText());
                out.add(new Bucket(n.get("name").asText(), n.path("location").asText(""), n.path("storageClass").asText(""),
                        rules.size(), autoclass));
                if (projectNumber.isEmpty()) {
                    projectNumber = BqValues.text(n.get("projectNumber"));
                }
            });
            buckets = List.copyOf(out);
        }
        return buckets;
    }

    @Override
    public Map<String, Long> sizes() {
        if (!Files.exists(sizesFile)) {
            throw new CheckSkipped("no " + sizesFile.getFileName() + " in the export, so sizes are unknown", sizesCommand);
        }
        Map<String, Long> sizes = new TreeMap<>();
        JsonRecords.read(sizesFile, (n, index, line) -> {
            JsonNode series = n.isArray() ? n : n.path("timeSeries");
            if (!n.isObject() && !n.isArray()) {
                throw new RecordFileException(sizesFile, line, "expected Monitoring's timeSeries.list response", index);
            }
            for (JsonNode s : series) {
                String bucket = s.path("resource").path("labels").path("bucket_name").asText("");
                JsonNode v = s.path("points").path(0).path("value");
                if (bucket.isEmpty() || v.isMissingNode()) {
                    continue;
                }
                JsonNode number = v.has("doubleValue") ? v.get("doubleValue") : v.get("int64Value");
                try {
                    sizes.merge(bucket, Math.round(Double.parseDouble(number.asText())), Long::sum);
                } catch (NumberFormatException | NullPointerException e) {
                    throw new RecordFileException(sizesFile, line, "the size of " + bucket + " is not a number: " + v, index);
                }
            }
        });
        return sizes;
    }

    @Override
    public Optional<String> projectNumber() {
        try {
            buckets();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return projectNumber;
    }
}
