package io.carlo.engine.stats;

/**
 * When a run may stop early: once the 95% confidence interval of the mean is narrow enough. The
 * half-width is compared with {@code tolerance} itself ({@link #absolute}), or with
 * {@code tolerance * |mean|} ({@link #relative}, e.g. 0.001 for 0.1% of the mean).
 *
 * @param tolerance     the largest acceptable half-width, absolute or relative to |mean|
 * @param relative      whether the tolerance is a fraction of |mean|
 * @param minimumCount  numeric iterations needed before stopping is considered: with a handful of
 *                      values the standard deviation itself is too uncertain to trust the interval
 */
public record AutoStop(double tolerance, boolean relative, long minimumCount) {

    /** The minimum count the factory methods use. */
    public static final long DEFAULT_MINIMUM_COUNT = 1000;

    public AutoStop {
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("the auto-stop tolerance must be a positive number, not " + tolerance);
        }
        if (minimumCount < 2) {
            throw new IllegalArgumentException("auto-stop needs a minimum of at least 2 iterations, not "
                    + minimumCount);
        }
    }

    public static AutoStop absolute(double tolerance) {
        return new AutoStop(tolerance, false, DEFAULT_MINIMUM_COUNT);
    }

    public static AutoStop relative(double tolerance) {
        return new AutoStop(tolerance, true, DEFAULT_MINIMUM_COUNT);
    }

    /** Whether the run so far, summarised by {@code moments}, may stop. */
    public boolean reached(RunningMoments moments) {
        if (moments.count() < minimumCount) {
            return false;
        }
        double limit = relative ? tolerance * Math.abs(moments.mean()) : tolerance;
        return moments.meanConfidenceHalfWidth() <= limit;
    }
}
