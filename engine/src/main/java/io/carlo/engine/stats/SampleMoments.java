package io.carlo.engine.stats;

/**
 * Mean, sample variance, skewness and excess kurtosis, defined as Excel's AVERAGE, VAR.S, SKEW and
 * KURT. A statistic Excel answers with #DIV/0! (too few values, or no spread) is NaN here.
 */
record SampleMoments(double mean, double variance, double skewness, double kurtosis) {

    /** The moments of {@code sorted}, which must be in ascending order. */
    static SampleMoments ofSorted(double[] sorted) {
        double[] values = sorted;
        int count = values.length;
        if (count == 0) {
            return new SampleMoments(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        if (values[0] == values[count - 1]) {
            // No spread: say so exactly, rather than through a mean rounded one ulp off the value.
            return new SampleMoments(values[0], count < 2 ? Double.NaN : 0, Double.NaN, Double.NaN);
        }
        double mean = CompensatedSum.of(values, 0, count) / count;
        // Second pass over the deviations. The sum of the deviations themselves corrects the
        // variance for the rounding left in the mean (the "corrected two-pass" algorithm).
        double sum1 = 0;
        double sum2 = 0;
        double sum3 = 0;
        double sum4 = 0;
        for (double v : values) {
            double d = v - mean;
            double d2 = d * d;
            sum1 += d;
            sum2 += d2;
            sum3 += d2 * d;
            sum4 += d2 * d2;
        }
        double n = count;
        if (count < 2) {
            return new SampleMoments(mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double squares = Math.max(0, sum2 - sum1 * sum1 / n);
        double variance = squares / (n - 1);
        double skewness = Double.NaN;
        double kurtosis = Double.NaN;
        if (variance > 0) {
            double s = Math.sqrt(variance);
            if (count >= 3) {
                skewness = n / ((n - 1) * (n - 2)) * (sum3 / (variance * s));
            }
            if (count >= 4) {
                kurtosis = n * (n + 1) / ((n - 1) * (n - 2) * (n - 3)) * (sum4 / (variance * variance))
                        - 3 * (n - 1) * (n - 1) / ((n - 2) * (n - 3));
            }
        }
        return new SampleMoments(mean, variance, skewness, kurtosis);
    }
}
