package io.carlo.engine.stats;

/**
 * Count, mean and sum of squared deviations of the numbers seen so far, for statistics kept while
 * a run is in progress (auto-stop, progress). Blocks of iterations are summarised with
 * {@link #of(double[], int, int)} and combined with {@link #merge}; merging the blocks in
 * iteration order gives the same result whatever thread computed each block.
 *
 * <p>Mean and squared deviations rather than raw sums of x and x^2: the variance from raw sums
 * cancels catastrophically when the mean is large next to the spread (a mean of 10^9 and a standard
 * deviation of 1 leave no correct digit).
 *
 * @param count                   numeric values seen (NaN and infinities are skipped)
 * @param mean                    their mean (0 when there are none)
 * @param sumOfSquaredDeviations  sum of (x - mean)^2
 */
public record RunningMoments(long count, double mean, double sumOfSquaredDeviations) {

    public static final RunningMoments EMPTY = new RunningMoments(0, 0, 0);

    /**
     * The moments of {@code values[from..to)}, skipping NaN (Excel errors) and infinities. Two
     * passes over the block (mean first, then deviations) rather than Welford's one: the block is
     * in memory anyway, and the rounding of a running mean would otherwise leak into the variance.
     */
    public static RunningMoments of(double[] values, int from, int to) {
        long n = 0;
        double sum = 0;
        double compensation = 0;
        for (int i = from; i < to; i++) {
            double x = values[i];
            if (Double.isFinite(x)) {
                n++;
                double t = sum + x; // Neumaier's compensated sum, as CompensatedSum
                compensation += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
                sum = t;
            }
        }
        if (n == 0) {
            return EMPTY;
        }
        double mean = (sum + compensation) / n;
        double deviations = 0;
        double squares = 0;
        for (int i = from; i < to; i++) {
            double x = values[i];
            if (Double.isFinite(x)) {
                double d = x - mean;
                deviations += d;
                squares += d * d;
            }
        }
        return new RunningMoments(n, mean, Math.max(0, squares - deviations * deviations / n));
    }

    /** These values followed by {@code later}'s (Chan, Golub and LeVeque's pairwise update). */
    public RunningMoments merge(RunningMoments later) {
        if (later.count == 0) {
            return this;
        }
        if (count == 0) {
            return later;
        }
        long n = count + later.count;
        double delta = later.mean - mean;
        double mergedMean = mean + delta * later.count / n;
        double squares = sumOfSquaredDeviations + later.sumOfSquaredDeviations
                + delta * delta * ((double) count * later.count / n);
        return new RunningMoments(n, mergedMean, squares);
    }

    /** Sample variance (n - 1); NaN below two values. */
    public double variance() {
        return count < 2 ? Double.NaN : sumOfSquaredDeviations / (count - 1);
    }

    /** Half-width of the 95% confidence interval of the mean (t distribution); NaN below two values. */
    public double meanConfidenceHalfWidth() {
        return Statistics.meanConfidenceHalfWidth(count, variance());
    }
}
