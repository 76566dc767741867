package io.carlo.engine.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Summarises the samples of one simulated quantity: moments, percentiles, histogram, CDF, target
 * probabilities and tail risk (see {@link SummaryStatistics}).
 *
 * <p>NaN marks an iteration that produced an Excel error: it is counted in {@code errors} and left
 * out of everything else. Every statistic is computed from one sorted copy of the remaining values,
 * so the result depends on the values alone, not on their order, and the caller's array is left
 * untouched. A statistic that needs more values than there are (the mean of none, the standard
 * deviation of one, the skewness of fewer than 3, the kurtosis of fewer than 4, or either without
 * spread) is NaN, where Excel would show #DIV/0!.
 */
public final class Statistics {

    /** The percentiles reported: 1..99. */
    public static final int MIN_PERCENTILE = 1;
    public static final int MAX_PERCENTILE = 99;

    private static final double CONFIDENCE = 0.95;

    private Statistics() {
    }

    public static SummaryStatistics summarize(double[] samples, StatisticsOptions options) {
        validate(options);
        return summarize(samples, options, SortedValues.finiteOf(samples));
    }

    /**
     * The histogram of a sample's numbers (NaN, an Excel error, left out) in {@code bins} equal-width
     * bins from its minimum to its maximum; 0 bins asks for the automatic count of the summary.
     */
    public static Histogram histogram(double[] samples, int bins) {
        if (bins < 0) {
            throw new IllegalArgumentException("bins must be 0 (automatic) or more, got " + bins);
        }
        SortedValues values = SortedValues.finiteOf(samples);
        return HistogramBuilder.build(values, bins > 0 ? bins : HistogramBuilder.automaticBinCount(values));
    }

    /** The summary of {@code samples}, whose finite values, sorted, are {@code values}. */
    static SummaryStatistics summarize(double[] samples, StatisticsOptions options, SortedValues values) {
        int n = values.size();
        SampleMoments moments = SampleMoments.ofSorted(values.array());
        double halfWidth = meanConfidenceHalfWidth(n, moments.variance());
        int bins = options.histogramBins() > 0 ? options.histogramBins() : HistogramBuilder.automaticBinCount(values);
        Histogram histogram = HistogramBuilder.build(values, bins);
        return new SummaryStatistics(samples.length, samples.length - n, n, moments.mean(),
                Math.sqrt(moments.variance()), moments.variance(), moments.skewness(), moments.kurtosis(),
                values.min(), values.max(), ModeEstimate.of(values, histogram),
                moments.mean() - halfWidth, moments.mean() + halfWidth,
                percentiles(values), histogram, cdf(values, options.cdfPoints()),
                targets(values, options.targets()), tailRisks(values, options.tailRiskLevels()));
    }

    /**
     * Half-width of the two-sided 95% confidence interval of the mean, t(0.975, n-1) s / sqrt(n)
     * (Excel's CONFIDENCE.T); NaN below two values.
     */
    static double meanConfidenceHalfWidth(long n, double variance) {
        if (n < 2) {
            return Double.NaN;
        }
        if (variance == 0) {
            return 0;
        }
        double t = TDistribution.of(n - 1).inverseCumulativeProbability(0.5 + CONFIDENCE / 2);
        return t * Math.sqrt(variance / n);
    }

    private static SortedMap<Integer, Double> percentiles(SortedValues values) {
        SortedMap<Integer, Double> out = new TreeMap<>();
        for (int k = MIN_PERCENTILE; k <= MAX_PERCENTILE; k++) {
            out.put(k, values.percentile(k / 100.0));
        }
        return Collections.unmodifiableSortedMap(out);
    }

    /** Points evenly spaced in probability from 0 (the minimum) to 1 (the maximum). */
    private static List<CdfPoint> cdf(SortedValues values, int points) {
        if (values.size() == 0 || points == 0) {
            return List.of();
        }
        if (points == 1) {
            return List.of(new CdfPoint(values.percentile(0.5), 0.5));
        }
        List<CdfPoint> out = new ArrayList<>(points);
        for (int i = 0; i < points; i++) {
            double p = (double) i / (points - 1);
            out.add(new CdfPoint(values.percentile(p), p));
        }
        return List.copyOf(out);
    }

    private static List<TargetProbability> targets(SortedValues values, List<Double> targets) {
        List<TargetProbability> out = new ArrayList<>(targets.size());
        double n = values.size();
        for (double target : targets) {
            int atOrBelow = values.countAtOrBelow(target);
            out.add(new TargetProbability(target, atOrBelow / n, (n - atOrBelow) / n));
        }
        return List.copyOf(out);
    }

    private static List<TailRisk> tailRisks(SortedValues values, List<Double> levels) {
        List<TailRisk> out = new ArrayList<>(levels.size());
        for (double level : levels) {
            if (values.size() == 0) {
                out.add(new TailRisk(level, Double.NaN, Double.NaN));
                continue;
            }
            double valueAtRisk = values.percentile(1 - level);
            // At least the minimum lies at or below any percentile, so the tail is never empty.
            double shortfall = values.meanOfSmallest(values.countAtOrBelow(valueAtRisk));
            out.add(new TailRisk(level, valueAtRisk, shortfall));
        }
        return List.copyOf(out);
    }

    static void validate(StatisticsOptions options) {
        if (options.histogramBins() < 0) {
            throw new IllegalArgumentException("histogram bins must be 0 (automatic) or positive, not "
                    + options.histogramBins());
        }
        if (options.cdfPoints() < 0) {
            throw new IllegalArgumentException("CDF points must be 0 or positive, not " + options.cdfPoints());
        }
        for (double target : options.targets()) {
            if (!Double.isFinite(target)) {
                throw new IllegalArgumentException("a target value must be a finite number, not " + target);
            }
        }
        for (double level : options.tailRiskLevels()) {
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("a tail risk level must lie strictly between 0 and 1 "
                        + "(e.g. 0.95), not " + level);
            }
        }
    }
}
