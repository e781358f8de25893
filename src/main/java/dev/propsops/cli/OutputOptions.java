package dev.propsops.cli;

import picocli.CommandLine.Option;

/** {@code --output text|json}: readable text for people, one JSON document for machines. */
public class OutputOptions {
    @Option(names = "--output", paramLabel = "text|json", defaultValue = "text",
            description = "Report format: text (default) or json (one document on standard output).")
    OutputFormat format = OutputFormat.text;

    public OutputFormat format() {
        return format;
    }

    public boolean json() {
        return format == OutputFormat.json;
    }
}
