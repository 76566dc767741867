package io.carlo.engine.function.statistics;

/**
 * Rounding that forgives binary floating-point noise: 10 * 0.3 is 2.9999999999999996 in doubles but
 * 3 for Excel, which works on 15 significant digits. Used where a count or digit position is
 * derived from a computed fraction (TRIMMEAN's trim count, PERCENTRANK's truncation).
 */
final class ApproximateMath {

    private ApproximateMath() {
    }

    /** floor(x), except that a value a few ulps below an integer counts as that integer. */
    static double floor(double x) {
        double nearest = Math.rint(x);
        if (Math.abs(x - nearest) <= 1e-12 * Math.max(1, Math.abs(x))) {
            return nearest;
        }
        return Math.floor(x);
    }
}
