package io.carlo.engine.sampling.correlation;

/**
 * Copula uniforms must stay strictly inside (0, 1), like {@code RandomStreams.uniform}, because an
 * input's inverse CDF at 0 or 1 is its (possibly infinite) support end. A CDF evaluated far in a
 * tail rounds to 0 or 1; this nudges it back by one ulp.
 */
final class OpenUnitInterval {

    private OpenUnitInterval() {
    }

    static double clamp(double u) {
        if (u <= 0) {
            return Double.MIN_VALUE;
        }
        if (u >= 1) {
            return Math.nextDown(1.0);
        }
        return u;
    }
}
