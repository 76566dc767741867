package io.carlo.engine.stats;

import java.util.List;
import java.util.SortedMap;

/**
 * The distribution of one simulated quantity (an output, or an input) over a run's iterations.
 * Iterations whose value was an Excel error are counted in {@code errors} and excluded from every
 * statistic.
 *
 * @param iterations   iterations run
 * @param errors       iterations that produced an Excel error
 * @param count        iterations with a number ({@code iterations - errors})
 * @param kurtosis     excess kurtosis (0 for a normal distribution), as Excel's KURT
 * @param skewness     sample skewness, as Excel's SKEW
 * @param stdDev       sample standard deviation (n - 1), as Excel's STDEV.S
 * @param mode         mode estimate: the most frequent value for discrete data, else the centre of
 *                     the densest histogram bin
 * @param meanCiLow    lower end of the 95% confidence interval of the mean
 * @param meanCiHigh   upper end of the 95% confidence interval of the mean
 * @param percentiles  percentiles 1..99 by Excel's PERCENTILE.INC definition
 * @param histogram    counts in bins (automatic bin count unless asked otherwise)
 * @param cdf          points of the empirical CDF, evenly spaced in probability
 * @param targets      P(x <= target) and P(x > target) for the targets asked for
 * @param tailRisks    value at risk and conditional value at risk at the levels asked for
 */
public record SummaryStatistics(long iterations, long errors, long count, double mean, double stdDev,
                                double variance, double skewness, double kurtosis, double min, double max,
                                double mode, double meanCiLow, double meanCiHigh,
                                SortedMap<Integer, Double> percentiles, Histogram histogram, List<CdfPoint> cdf,
                                List<TargetProbability> targets, List<TailRisk> tailRisks) {
}
