package dev.propsops.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.propsops.cli.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Real credentials files for tests: a gcloud-style user ADC file and a service-account key with a freshly
 * generated RSA key, both with their token endpoint pointed where the test says (a WireMock server, a
 * closed port), so that Google's real auth library does a real token refresh against it.
 */
public final class CredentialFiles {
    private CredentialFiles() {
    }

    /** An {@code authorized_user} file as `gcloud auth application-default login` writes it. */
    public static Path user(Path dir, String tokenUri) {
        ObjectNode json = Json.object();
        json.put("type", "authorized_user");
        json.put("client_id", "764086051850-test.apps.googleusercontent.com");
        json.put("client_secret", "d-FL95Q19q7MQmFpd7hHD0Ty");
        json.put("refresh_token", "1//0test-refresh-token");
        json.put("quota_project_id", "nba-props-platform");
        json.put("token_uri", tokenUri);
        return write(dir.resolve("application_default_credentials.json"), json.toString());
    }

    /** A {@code service_account} key with a real RSA private key. */
    public static Path serviceAccount(Path dir, String tokenUri) {
        ObjectNode json = Json.object();
        json.put("type", "service_account");
        json.put("project_id", "nba-props-platform");
        json.put("private_key_id", "0123456789abcdef0123456789abcdef01234567");
        json.put("private_key", pkcs8Pem());
        json.put("client_email", "props-ops-test@nba-props-platform.iam.gserviceaccount.com");
        json.put("client_id", "109876543210987654321");
        json.put("token_uri", tokenUri);
        return write(dir.resolve("key.json"), json.toString());
    }

    public static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pkcs8Pem() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            String b64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(g.generateKeyPair().getPrivate().getEncoded());
            return "-----BEGIN PRIVATE KEY-----\n" + b64 + "\n-----END PRIVATE KEY-----\n";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
