package io.carlo.engine.sampling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Kolmogorov–Smirnov and χ² tests of draws against a distribution's exact CDF, at alpha = 0.001.
 * Written here rather than pulled from a library because each is a dozen lines.
 */
final class GoodnessOfFit {

    static final double ALPHA = 0.001;

    private GoodnessOfFit() {
    }

    /** Draws through the inverse CDF of {@code d} from the counter-based streams. */
    static double[] draws(Distribution d, long seed, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = d.inverseCdf(RandomStreams.uniform(seed, 1, i));
        }
        return x;
    }

    /** The KS statistic D = sup |F_n(x) - F(x)| of the draws. */
    static double ksStatistic(Distribution d, double[] draws) {
        double[] f = Arrays.stream(draws).map(d::cdf).sorted().toArray();
        int n = f.length;
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.max((i + 1.0) / n - f[i], f[i] - (double) i / n));
        }
        return max;
    }

    /** Asymptotic KS critical value √(ln(2/α)/2)/√n, with Stephens' finite-n correction. */
    static double ksCritical(int n) {
        double root = Math.sqrt(n);
        return Math.sqrt(Math.log(2 / ALPHA) / 2) / (root + 0.12 + 0.11 / root);
    }

    /** χ² statistic and its critical value for the draws of a discrete distribution. */
    record ChiSquare(double statistic, double critical, int bins) {
        boolean passes() {
            return statistic < critical;
        }
    }

    /**
     * Bins are the observed values plus one for all unobserved mass; neighbours merge until every
     * bin expects at least 5 draws, as the χ² approximation needs.
     */
    static ChiSquare chiSquare(Distribution d, double[] draws) {
        int n = draws.length;
        TreeMap<Double, Integer> observed = new TreeMap<>();
        for (double x : draws) {
            observed.merge(x, 1, Integer::sum);
        }
        List<double[]> bins = new ArrayList<>(); // {observed, expected}
        double[] open = {0, 0};
        double expectedSum = 0;
        for (Map.Entry<Double, Integer> entry : observed.entrySet()) {
            double x = entry.getKey();
            double expected = (d.cdf(x) - d.cdf(Math.nextDown(x))) * n;
            open[0] += entry.getValue();
            open[1] += expected;
            expectedSum += expected;
            if (open[1] >= 5) {
                bins.add(open);
                open = new double[] {0, 0};
            }
        }
        // Unobserved mass and a last bin too small to stand alone join the last full bin.
        open[1] += Math.max(0, n - expectedSum);
        if (bins.isEmpty() || open[1] >= 5) {
            bins.add(open);
        } else {
            double[] last = bins.get(bins.size() - 1);
            last[0] += open[0];
            last[1] += open[1];
        }
        double statistic = 0;
        for (double[] bin : bins) {
            statistic += square(bin[0] - bin[1]) / bin[1];
        }
        double critical = ChiSquaredDistribution.of(Math.max(1, bins.size() - 1)).inverseSurvivalProbability(ALPHA);
        return new ChiSquare(statistic, critical, bins.size());
    }

    private static double square(double x) {
        return x * x;
    }
}
