package io.carlo.engine.stats;

import java.util.List;

/**
 * How the estimates settle as iterations accumulate, at evenly spaced checkpoints.
 *
 * @param iterations    iteration count at each checkpoint
 * @param mean          running mean at each checkpoint
 * @param meanStdError  standard error of the mean at each checkpoint
 * @param p5StdError    standard error of the 5th percentile (from the order-statistic density estimate)
 * @param p50StdError   standard error of the median
 * @param p95StdError   standard error of the 95th percentile
 */
public record Convergence(List<Long> iterations, List<Double> mean, List<Double> meanStdError,
                          List<Double> p5StdError, List<Double> p50StdError, List<Double> p95StdError) {
}
