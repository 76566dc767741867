package io.carlo.engine.stats;

/** One point of an empirical cumulative distribution: P(X <= x) = probability. */
public record CdfPoint(double x, double probability) {
}
