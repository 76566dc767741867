package io.carlo.engine.stats;

import java.util.List;

/**
 * What to compute beyond the fixed statistics.
 *
 * @param histogramBins    0 for an automatic bin count (Freedman–Diaconis, clamped to 10..200)
 * @param cdfPoints        number of CDF points
 * @param targets          values for P(x <= target)
 * @param tailRiskLevels   confidence levels for VaR/CVaR, e.g. 0.95, 0.99
 * @param convergencePoints number of convergence checkpoints
 */
public record StatisticsOptions(int histogramBins, int cdfPoints, List<Double> targets, List<Double> tailRiskLevels,
                                int convergencePoints) {

    public static final StatisticsOptions DEFAULT = new StatisticsOptions(0, 101, List.of(), List.of(0.95, 0.99), 50);

    public StatisticsOptions {
        targets = List.copyOf(targets);
        tailRiskLevels = List.copyOf(tailRiskLevels);
    }
}
