package io.carlo.engine.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * How the mean and the 5th, 50th and 95th percentiles settle as iterations accumulate, at evenly
 * spaced checkpoints (see {@link Convergence}). One pass over the samples in iteration order, plus
 * one sort of a copy.
 *
 * <p>The mean's standard error at a checkpoint is s / sqrt(m) over its m numeric values so far.
 *
 * <p>A percentile's standard error uses the asymptotic variance of a sample quantile,
 * p (1 - p) / (m f(x_p)^2), with the density f at the quantile estimated from order statistics
 * (Siddiqui's spacing estimator, with Hall and Sheather's bandwidth h): the window
 * [x(p - h), x(p + h)] is taken from the whole run's values, and at each checkpoint f is the share
 * of that checkpoint's values inside the window divided by the window's width. At the last
 * checkpoint this is exactly Siddiqui's estimate 2h / (x(p + h) - x(p - h)). A window with no
 * width (the percentile sits on a repeated value) gives 0; a checkpoint with no value in the window
 * yet gives NaN, as does one with no numeric value at all.
 */
public final class ConvergenceAnalysis {

    private static final double[] LEVELS = {0.05, 0.50, 0.95};
    /** z(1 - alpha/2) of Hall and Sheather's bandwidth, for 95% intervals. */
    private static final double Z = 1.959963984540054;

    private ConvergenceAnalysis() {
    }

    /**
     * @param samples     values in iteration order; NaN (an Excel error) is skipped
     * @param checkpoints how many checkpoints: iteration counts round(j N / checkpoints), j = 1..,
     *                    fewer when there are fewer iterations than checkpoints
     */
    public static Convergence analyze(double[] samples, int checkpoints) {
        validate(checkpoints);
        return analyze(samples, checkpoints, SortedValues.finiteOf(samples));
    }

    static void validate(int checkpoints) {
        if (checkpoints < 0) {
            throw new IllegalArgumentException("convergence checkpoints must be 0 or positive, not " + checkpoints);
        }
    }

    /** The convergence of {@code samples}, whose finite values, sorted, are {@code sorted}. */
    static Convergence analyze(double[] samples, int checkpoints, SortedValues sorted) {
        long total = samples.length;
        double[] windowLow = new double[LEVELS.length];
        double[] windowHigh = new double[LEVELS.length];
        for (int q = 0; q < LEVELS.length; q++) {
            double h = bandwidth(LEVELS[q], sorted.size());
            windowLow[q] = sorted.percentile(LEVELS[q] - h);
            windowHigh[q] = sorted.percentile(LEVELS[q] + h);
        }

        List<Long> iterations = new ArrayList<>();
        List<Double> mean = new ArrayList<>();
        List<Double> meanError = new ArrayList<>();
        List<List<Double>> percentileError = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());

        long count = 0;
        double runningMean = 0;
        double squares = 0;
        long[] inWindow = new long[LEVELS.length];
        int t = 0;
        for (int j = 1; j <= checkpoints && total > 0; j++) {
            long at = Math.round((double) j * total / checkpoints);
            if (at == 0 || (!iterations.isEmpty() && at == iterations.get(iterations.size() - 1))) {
                continue;
            }
            for (; t < at; t++) {
                double x = samples[t];
                if (!Double.isFinite(x)) {
                    continue;
                }
                count++;
                double delta = x - runningMean; // Welford: stable for any offset of the values
                runningMean += delta / count;
                squares += delta * (x - runningMean);
                for (int q = 0; q < LEVELS.length; q++) {
                    if (x >= windowLow[q] && x <= windowHigh[q]) {
                        inWindow[q]++;
                    }
                }
            }
            iterations.add(at);
            mean.add(count == 0 ? Double.NaN : runningMean);
            meanError.add(count < 2 ? Double.NaN : Math.sqrt(squares / (count - 1) / count));
            for (int q = 0; q < LEVELS.length; q++) {
                percentileError.get(q).add(percentileStandardError(LEVELS[q], count, inWindow[q],
                        windowHigh[q] - windowLow[q]));
            }
        }
        return new Convergence(List.copyOf(iterations), List.copyOf(mean), List.copyOf(meanError),
                List.copyOf(percentileError.get(0)), List.copyOf(percentileError.get(1)),
                List.copyOf(percentileError.get(2)));
    }

    private static double percentileStandardError(double p, long count, long inWindow, double width) {
        if (count == 0) {
            return Double.NaN;
        }
        if (width == 0) {
            return 0;
        }
        if (inWindow == 0) {
            return Double.NaN;
        }
        double density = (double) inWindow / count / width;
        return Math.sqrt(p * (1 - p) / count) / density;
    }

    /**
     * Hall and Sheather's bandwidth for the density of the p-quantile of n values, in probability,
     * kept within [0, 1] around p.
     */
    static double bandwidth(double p, long n) {
        if (n < 2) {
            return 0;
        }
        NormalDistribution normal = NormalDistribution.of(0, 1);
        double zp = normal.inverseCumulativeProbability(p);
        double phi = normal.density(zp);
        double h = Math.pow(n, -1.0 / 3) * Math.pow(Z, 2.0 / 3)
                * Math.cbrt(1.5 * phi * phi / (2 * zp * zp + 1));
        return Math.min(h, Math.min(p, 1 - p));
    }
}
