package dev.propsops.drift;

/** One month of the window and the baseline it is judged against. */
public record Comparison(Period current, Period baseline) {
}
