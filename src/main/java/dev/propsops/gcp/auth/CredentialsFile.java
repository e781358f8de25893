package dev.propsops.gcp.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.auth.http.HttpTransportFactory;
import com.google.auth.oauth2.GoogleCredentials;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Json;
import dev.propsops.cli.OpsException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A credentials file read and checked before Google's library sees it, so that each way it can be wrong
 * has its own message: missing, unreadable, not JSON, no type, an unknown type, a missing field. The
 * library itself answers most of these with one generic sentence, or not at all (a key file without its
 * fields once surfaced as a NullPointerException per BigQuery dataset).
 */
final class CredentialsFile {
    private static final long MAX_BYTES = 1 << 20;
    /** The fields Google's library requires of each credentials type it reads. */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "service_account", List.of("client_email", "private_key", "private_key_id", "client_id"),
            "authorized_user", List.of("client_id", "client_secret", "refresh_token"),
            "external_account", List.of("audience", "subject_token_type"),
            "external_account_authorized_user", List.of("refresh_token", "token_url"),
            "impersonated_service_account", List.of("service_account_impersonation_url", "source_credentials"),
            "gdch_service_account", List.of("project", "private_key_id", "private_key", "name", "token_uri"));

    private final AdcSource.File source;
    private final JsonNode json;
    private final byte[] bytes;

    private CredentialsFile(AdcSource.File source, JsonNode json, byte[] bytes) {
        this.source = source;
        this.json = json;
        this.bytes = bytes;
    }

    static CredentialsFile read(AdcSource.File source) {
        byte[] bytes;
        try {
            if (Files.isDirectory(source.path())) {
                throw failed(source, "is a directory, not a credentials file", null);
            }
            if (Files.size(source.path()) > MAX_BYTES) {
                throw failed(source, "is larger than 1 MiB: not a credentials file", null);
            }
            bytes = Files.readAllBytes(source.path());
        } catch (NoSuchFileException e) {
            throw new OpsException(ExitCode.FAILED, source.describe() + ": the file does not exist",
                    fixFor(source), e);
        } catch (AccessDeniedException e) {
            throw new OpsException(ExitCode.FAILED, source.describe() + ": the file cannot be read (permission denied)",
                    "make it readable by this user (chmod/chown), or point " + AdcSource.GAC_ENV + " at a readable copy", e);
        } catch (IOException e) {
            throw failed(source, "cannot be read: " + e.getMessage(), e);
        }
        JsonNode json;
        try {
            json = Json.mapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            throw failed(source, "is not JSON (" + e.getOriginalMessage() + ", line " + e.getLocation().getLineNr() + ")", e);
        } catch (IOException e) {
            throw failed(source, "is not JSON: " + e.getMessage(), e);
        }
        if (json == null || !json.isObject()) {
            throw failed(source, "is not a JSON object, so not a credentials file", null);
        }
        CredentialsFile file = new CredentialsFile(source, json, bytes);
        file.checkFields();
        return file;
    }

    /** The project the file belongs to, if it says: a key's project_id, a user's quota_project_id. */
    Optional<String> projectId() {
        for (String field : new String[] { "project_id", "quota_project_id" }) {
            JsonNode v = json.get(field);
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                return Optional.of(v.asText().trim());
            }
        }
        return Optional.empty();
    }

    String type() {
        return json.path("type").asText();
    }

    /** The library's credentials, made from the checked file. */
    GoogleCredentials load(HttpTransportFactory transport) {
        try {
            return GoogleCredentials.fromStream(new ByteArrayInputStream(bytes), transport);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
            throw failed(source, "was refused by Google's auth library: " + why, e);
        }
    }

    private void checkFields() {
        JsonNode type = json.get("type");
        if (type == null || !type.isTextual() || type.asText().isBlank()) {
            throw failed(source, "has no 'type' field, so it is not a Google credentials file", null);
        }
        List<String> required = REQUIRED.get(type.asText());
        if (required == null) {
            throw failed(source, "has type '" + type.asText() + "', which is not a Google credentials type ("
                    + String.join(", ", REQUIRED.keySet().stream().sorted().toList()) + ")", null);
        }
        List<String> missing = new ArrayList<>();
        for (String field : required) {
            JsonNode v = json.get(field);
            if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
                missing.add("'" + field + "'");
            }
        }
        if (!missing.isEmpty()) {
            throw failed(source, "is a " + type.asText() + " file without " + String.join(", ", missing)
                    + (missing.size() == 1 ? "" : " (all required)"), null);
        }
    }

    private static OpsException failed(AdcSource.File source, String what, Throwable cause) {
        return new OpsException(ExitCode.FAILED, source.describe() + ": the file " + what, fixFor(source), cause);
    }

    private static String fixFor(AdcSource.File source) {
        return source.fromEnv()
                ? "point " + AdcSource.GAC_ENV + " at a valid key file (a new service-account key: `gcloud iam "
                        + "service-accounts keys create`), or unset it and run `gcloud auth application-default login`"
                : "run `gcloud auth application-default login` to write a new one";
    }
}
