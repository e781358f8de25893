package dev.propsops.gcp;

import dev.propsops.cli.OpsException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Where one API's client goes: Google's default, or an override from {@code ops.gcp.<api>.endpoint}.
 * An override written {@code http://host:port} is a local stand-in (a test server, a proxy on loopback):
 * it is reached in plain text and never sent credentials. Anything else ({@code host:port} or
 * {@code https://host}) is a real endpoint, such as a private one, reached over TLS with credentials.
 */
public record Endpoint(GoogleApi api, Optional<String> override) {
    public Endpoint {
        override = override.map(String::trim).filter(s -> !s.isEmpty());
        override.ifPresent(o -> validate(api, o));
    }

    public static Endpoint defaultOf(GoogleApi api) {
        return new Endpoint(api, Optional.empty());
    }

    /** True for an {@code http://} override: no TLS, no credentials. */
    public boolean plaintext() {
        return override.map(o -> o.toLowerCase(Locale.ROOT).startsWith("http://")).orElse(false);
    }

    public boolean overridden() {
        return override.isPresent();
    }

    /** {@code host:port}, as gRPC clients take it. */
    public String hostPort() {
        String e = override.orElse(api.defaultEndpoint());
        if (!e.contains("://")) {
            return e;
        }
        URI uri = URI.create(e);
        int port = uri.getPort() > 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("http") ? 80 : 443;
        return uri.getHost() + ":" + port;
    }

    /** A root URL ({@code https://host} or {@code http://host:port}), as HTTP clients take it. */
    public String url() {
        String e = override.orElse(api.defaultEndpoint());
        if (e.contains("://")) {
            return e.endsWith("/") ? e.substring(0, e.length() - 1) : e;
        }
        return "https://" + e;
    }

    /** The host, for messages. */
    public String host() {
        String hp = hostPort();
        return hp.substring(0, hp.lastIndexOf(':'));
    }

    /** For messages: the endpoint and, when overridden, the key that did it. */
    public String describe() {
        return override.map(o -> o + " (" + api.endpointKey() + ")").orElse(api.defaultEndpoint());
    }

    private static void validate(GoogleApi api, String value) {
        try {
            String withScheme = value.contains("://") ? value : "https://" + value;
            URI uri = URI.create(withScheme);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL or host:port");
            }
        } catch (IllegalArgumentException e) {
            throw OpsException.usage(api.endpointKey() + "='" + value + "' is not an endpoint: " + e.getMessage(),
                    "write it as host:port, https://host or (a local stand-in, no credentials) http://127.0.0.1:PORT");
        }
    }
}
