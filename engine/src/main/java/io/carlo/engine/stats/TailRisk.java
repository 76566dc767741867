package io.carlo.engine.stats;

/**
 * Value at risk and conditional value at risk (expected shortfall) of the lower tail at a
 * confidence level: {@code valueAtRisk} is the (1 - level) percentile, {@code conditionalValueAtRisk}
 * the mean of the values at or below it. For level 0.95 they describe the worst 5% of outcomes.
 */
public record TailRisk(double level, double valueAtRisk, double conditionalValueAtRisk) {
}
