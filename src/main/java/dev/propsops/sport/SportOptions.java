package dev.propsops.sport;

import picocli.CommandLine.Option;

/** {@code --sport nba|mlb}, required by the per-sport jobs. */
public class SportOptions {
    @Option(names = "--sport", required = true, paramLabel = "nba|mlb", description = "The sport: nba or mlb.")
    Sport sport;

    public Sport sport() {
        return sport;
    }
}
