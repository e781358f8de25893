package dev.propsops.drift.plan;

/** One month of the window and the baseline it is judged against. */
public record Comparison(Period current, Period baseline) {
}
