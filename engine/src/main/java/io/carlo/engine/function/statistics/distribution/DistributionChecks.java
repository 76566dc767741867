package io.carlo.engine.function.statistics.distribution;

import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;

/**
 * Excel's parameter rules shared by the distribution functions. Every violation is #NUM!, which is
 * what Excel returns for a parameter outside a distribution's domain.
 *
 * <p>Callers read all their arguments before checking any of them: Excel converts every argument
 * first, so a text argument that is not a number gives #VALUE! even when another one is out of range.
 */
final class DistributionChecks {

    /** Excel refuses degrees of freedom from 10^10 on (CHISQ.DIST, F.DIST...). */
    private static final double MAX_DEGREES_OF_FREEDOM = 1e10;

    private DistributionChecks() {
    }

    static ErrorSignal num() {
        return ErrorSignal.of(ExcelError.NUM);
    }

    /** Throws #NUM! unless {@code ok}. */
    static void require(boolean ok) {
        if (!ok) {
            throw num();
        }
    }

    /** A scale or shape parameter: strictly positive. */
    static double positive(double v) {
        require(v > 0);
        return v;
    }

    static double nonNegative(double v) {
        require(v >= 0);
        return v;
    }

    /** A probability in [0, 1]. */
    static double probability(double p) {
        require(p >= 0 && p <= 1);
        return p;
    }

    /** A probability in (0, 1), as the normal inverses want. */
    static double openProbability(double p) {
        require(p > 0 && p < 1);
        return p;
    }

    /** Excel truncates count-like parameters (trials, successes, degrees of freedom) toward zero. */
    static double truncate(double v) {
        return v < 0 ? Math.ceil(v) : Math.floor(v);
    }

    /** A truncated count that must fit the int-based discrete distributions. */
    static int count(double v) {
        double t = truncate(v);
        require(t >= Integer.MIN_VALUE && t <= Integer.MAX_VALUE);
        return (int) t;
    }

    /**
     * Degrees of freedom of the t, chi-squared and F functions: truncated (T.DIST(4.5, 10.9, TRUE)
     * equals T.DIST(4.5, 10, TRUE) in Excel), at least 1 and below 10^10.
     */
    static double degreesOfFreedom(double v) {
        double df = truncate(v);
        require(df >= 1 && df < MAX_DEGREES_OF_FREEDOM);
        return df;
    }

    /** The function result: NaN and infinities (a density's pole, an inverse at p = 1) become #NUM!. */
    static Scalar result(double v) {
        return NumberValue.of(v);
    }
}
