package dev.propsops.logs.findings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The shipped table of permission -> least-privileged predefined role ({@code logs/permission-roles.tsv},
 * checked against Google's IAM role reference, see its header). A permission not in the table has no
 * role: the report says so rather than guess.
 */
public final class PermissionRoles {
    static final String RESOURCE = "logs/permission-roles.tsv";

    /** One row of the table. */
    public record Grant(String permission, String role, String purpose) {
    }

    private final Map<String, Grant> byPermission;

    PermissionRoles(Map<String, Grant> byPermission) {
        this.byPermission = Map.copyOf(byPermission);
    }

    /** The table shipped in the binary. */
    public static PermissionRoles shipped() {
        return Holder.SHIPPED;
    }

    public Optional<Grant> lookup(String permission) {
        return Optional.ofNullable(byPermission.get(permission));
    }

    public Map<String, Grant> all() {
        return new TreeMap<>(byPermission);
    }

    /** Parses the table format: {@code permission<TAB>role<TAB>purpose}, {@code #} comments, blank lines. */
    static PermissionRoles parse(BufferedReader reader, String name) throws IOException {
        Map<String, Grant> rows = new TreeMap<>();
        String line;
        int nr = 0;
        while ((line = reader.readLine()) != null) {
            nr++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length < 2 || !cols[0].matches("[a-z][a-zA-Z]*(\\.[a-zA-Z]+){2,3}") || !cols[1].startsWith("roles/")) {
                throw new IllegalStateException(name + ":" + nr + ": not 'permission<TAB>roles/...<TAB>purpose': " + line);
            }
            if (rows.put(cols[0], new Grant(cols[0], cols[1], cols.length > 2 ? cols[2] : "")) != null) {
                throw new IllegalStateException(name + ":" + nr + ": " + cols[0] + " is listed twice");
            }
        }
        return new PermissionRoles(rows);
    }

    private static final class Holder {
        static final PermissionRoles SHIPPED = load();

        private static PermissionRoles load() {
            try (InputStream in = PermissionRoles.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the binary");
                }
                return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
