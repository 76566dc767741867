package io.carlo.engine.stats;

/** How likely the quantity is to end at or below a target, and above it. */
public record TargetProbability(double target, double atOrBelow, double above) {
}
