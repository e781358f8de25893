package dev.propsops.repo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.propsops.cli.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The JSON gcloud prints for Cloud Run (Knative-style v1 objects), built field by field as
 * {@code gcloud run services list / revisions list / jobs list --format=json} write them.
 */
public final class KnativeExports {
    private KnativeExports() {
    }

    /** A service whose template made {@code templateRevision}; traffic is revision=percent pairs. */
    public static ObjectNode service(String name, String templateRevision, String image, Map<String, String> env, String... traffic) {
        ObjectNode s = Json.object();
        s.put("apiVersion", "serving.knative.dev/v1");
        s.put("kind", "Service");
        ObjectNode meta = s.putObject("metadata");
        meta.put("name", name);
        meta.putObject("labels").put("cloud.googleapis.com/location", "us-west2");
        ObjectNode template = s.putObject("spec").putObject("template");
        template.putObject("metadata").put("name", templateRevision);
        template.putObject("spec").put("serviceAccountName", name + "@nba-props-platform.iam.gserviceaccount.com")
                .putArray("containers").add(container(image, env));
        ObjectNode status = s.putObject("status");
        status.putArray("conditions").addObject().put("type", "Ready").put("status", "True");
        status.put("latestCreatedRevisionName", templateRevision);
        status.put("latestReadyRevisionName", templateRevision);
        ArrayNode t = status.putArray("traffic");
        for (String pair : traffic) {
            String[] p = pair.split("=");
            t.addObject().put("revisionName", p[0]).put("percent", Integer.parseInt(p[1]));
        }
        return s;
    }

    public static ObjectNode revision(String service, String name, String image, Map<String, String> env) {
        ObjectNode r = Json.object();
        r.put("apiVersion", "serving.knative.dev/v1");
        r.put("kind", "Revision");
        ObjectNode meta = r.putObject("metadata");
        meta.put("name", name);
        meta.put("creationTimestamp", "2026-01-25T10:00:00Z");
        meta.putObject("labels").put("serving.knative.dev/service", service).put("cloud.googleapis.com/location", "us-west2");
        r.putObject("spec").putArray("containers").add(container(image, env));
        r.putObject("status").putArray("conditions").addObject().put("type", "Ready").put("status", "True");
        return r;
    }

    public static ObjectNode job(String name, String image, Map<String, String> env) {
        ObjectNode j = Json.object();
        j.put("apiVersion", "run.googleapis.com/v1");
        j.put("kind", "Job");
        ObjectNode meta = j.putObject("metadata");
        meta.put("name", name);
        meta.putObject("labels").put("cloud.googleapis.com/location", "us-west2");
        j.putObject("spec").putObject("template").putObject("spec").putObject("template").putObject("spec")
                .putArray("containers").add(container(image, env));
        return j;
    }

    private static ObjectNode container(String image, Map<String, String> env) {
        ObjectNode c = Json.object();
        c.put("image", image);
        ArrayNode e = c.putArray("env");
        env.forEach((k, v) -> e.addObject().put("name", k).put("value", v));
        e.addObject().put("name", "ODDS_API_KEY").putObject("valueFrom").putObject("secretKeyRef").put("name", "odds").put("key", "latest");
        return c;
    }

    /** Writes records as gcloud does: one pretty-printed JSON array. */
    public static Path write(Path file, ObjectNode... records) {
        ArrayNode a = Json.array();
        for (ObjectNode r : records) {
            a.add(r);
        }
        try {
            Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(a));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
