package dev.propsops;

import dev.propsops.cli.Invocation;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import picocli.CommandLine;

/** The process entry point: the real surroundings, the CDI-aware command factory, the exit code. */
@QuarkusMain
public class Main implements QuarkusApplication {
    @Inject
    CommandLine.IFactory factory;

    @Override
    public int run(String... args) {
        return PropsOps.run(factory, Invocation.system(), args);
    }
}
