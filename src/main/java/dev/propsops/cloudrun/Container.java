package dev.propsops.cloudrun;

import java.util.Map;
import java.util.Optional;

/** One container of a revision or job template: its image and its plain environment variables. */
public record Container(String name, String image, Map<String, String> env) {
    public Container {
        env = Map.copyOf(env);
    }

    /** An environment variable with a literal value (secrets are not values here). */
    public Optional<String> env(String name) {
        return Optional.ofNullable(env.get(name));
    }
}
