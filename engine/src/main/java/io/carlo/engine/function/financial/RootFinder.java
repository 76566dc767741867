package io.carlo.engine.function.financial;

import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;

/**
 * Finds the rate at which a cash flow's present value is zero (IRR, XIRR). Excel runs Newton's
 * method from the guess; we do the same, so that where several rates qualify we return the one Excel
 * returns. When Newton wanders off (a bad guess, a flat region, rates below −100%), Excel sometimes
 * still succeeds where a textbook Newton fails; rather than give #NUM! for a rate that exists, we
 * then look for a sign change of the present value on a grid of rates and bisect it.
 */
final class RootFinder {

    /** Candidate rates for bracketing, from nearly −100% to very high returns. */
    private static final double[] GRID = {
        -0.999999, -0.99, -0.95, -0.9, -0.8, -0.7, -0.6, -0.5, -0.4, -0.3, -0.2, -0.15, -0.1, -0.05, -0.02, 0,
        0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 20, 50, 100, 1000, 1e4, 1e6
    };

    private final DoubleUnaryOperator value;
    private final DoubleUnaryOperator slope;
    private final int maxNewtonIterations;
    private final double tolerance;

    /**
     * @param value present value as a function of the rate
     * @param slope its derivative
     * @param maxNewtonIterations Excel's iteration limit for the function
     * @param tolerance convergence threshold on successive rates
     */
    RootFinder(DoubleUnaryOperator value, DoubleUnaryOperator slope, int maxNewtonIterations, double tolerance) {
        this.value = value;
        this.slope = slope;
        this.maxNewtonIterations = maxNewtonIterations;
        this.tolerance = tolerance;
    }

    OptionalDouble solve(double guess) {
        double root = root(guess);
        return Double.isNaN(root) ? OptionalDouble.empty() : OptionalDouble.of(root);
    }

    /** As {@link #solve}, NaN for none: no object per call, for the simulation's kernels. */
    double root(double guess) {
        double newton = newton(guess);
        return Double.isNaN(newton) ? bracketNear(guess) : newton;
    }

    /** Newton's root from the guess, or NaN (a NaN rate never has a present value of 0). */
    private double newton(double guess) {
        double rate = guess;
        for (int i = 0; i < maxNewtonIterations; i++) {
            double f = value.applyAsDouble(rate);
            if (f == 0) {
                return rate;
            }
            double step = f / slope.applyAsDouble(rate);
            if (!Double.isFinite(step)) {
                return Double.NaN;
            }
            rate -= step;
            if (Math.abs(step) < tolerance) {
                return polish(rate);
            }
        }
        return Double.NaN;
    }

    /** A few extra Newton steps so the last digits do not depend on where the loop stopped. */
    private double polish(double rate) {
        for (int i = 0; i < 3; i++) {
            double f = value.applyAsDouble(rate);
            if (f == 0) {
                break;
            }
            double step = f / slope.applyAsDouble(rate);
            if (!Double.isFinite(step) || Math.abs(step) > tolerance) {
                break;
            }
            rate -= step;
        }
        return rate;
    }

    /** Bisects the sign change of the grid that lies closest to the guess; NaN when there is none. */
    private double bracketNear(double guess) {
        double bestLow = Double.NaN;
        double bestHigh = Double.NaN;
        double bestDistance = Double.POSITIVE_INFINITY;
        double previous = value.applyAsDouble(GRID[0]);
        for (int i = 1; i < GRID.length; i++) {
            double current = value.applyAsDouble(GRID[i]);
            if (Double.isFinite(previous) && Double.isFinite(current) && (previous <= 0) != (current <= 0)) {
                double distance = Math.max(0, Math.max(GRID[i - 1] - guess, guess - GRID[i]));
                if (distance < bestDistance) {
                    bestDistance = distance;
                    bestLow = GRID[i - 1];
                    bestHigh = GRID[i];
                }
            }
            previous = current;
        }
        if (Double.isNaN(bestLow)) {
            return Double.NaN;
        }
        return polish(bisect(bestLow, bestHigh));
    }

    private double bisect(double low, double high) {
        boolean lowNegative = value.applyAsDouble(low) <= 0;
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (low + high);
            if (mid <= low || mid >= high) {
                break;
            }
            if ((value.applyAsDouble(mid) <= 0) == lowNegative) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return 0.5 * (low + high);
    }
}
