package io.carlo.engine.function.financial;

import java.util.OptionalDouble;

/**
 * RATE's search for the periodic rate that solves the annuity equation. Excel documents Newton's
 * method from the guess (0.1 by default), giving up with #NUM! when successive rates are not within
 * 1e-7 of each other after 20 iterations; this follows the same rule so that the rates Excel cannot
 * find are not found here either.
 */
final class RateSolver {

    static final int MAX_ITERATIONS = 20;
    static final double TOLERANCE = 1e-7;

    private RateSolver() {
    }

    static OptionalDouble solve(double nper, double pmt, double pv, double fv, boolean atStart, double guess) {
        double rate = guess;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double step = newtonStep(rate, nper, pmt, pv, fv, atStart);
            if (!Double.isFinite(step)) {
                return OptionalDouble.empty();
            }
            rate -= step;
            if (Math.abs(step) < TOLERANCE) {
                return OptionalDouble.of(polish(rate, nper, pmt, pv, fv, atStart));
            }
        }
        return OptionalDouble.empty();
    }

    private static double newtonStep(double rate, double nper, double pmt, double pv, double fv, boolean atStart) {
        double f = Annuity.residual(rate, nper, pmt, pv, fv, atStart);
        if (f == 0) {
            return 0;
        }
        return f / Annuity.residualSlope(rate, nper, pmt, pv, fv, atStart);
    }

    /**
     * A converged Newton iterate is already within about 1e-14 of the root; a few more steps make the
     * last digits independent of where the iteration happened to stop.
     */
    private static double polish(double rate, double nper, double pmt, double pv, double fv, boolean atStart) {
        for (int i = 0; i < 3; i++) {
            double step = newtonStep(rate, nper, pmt, pv, fv, atStart);
            if (!Double.isFinite(step) || Math.abs(step) > TOLERANCE) {
                break;
            }
            rate -= step;
        }
        return rate;
    }
}
