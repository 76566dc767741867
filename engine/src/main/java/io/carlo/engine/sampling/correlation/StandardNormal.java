package io.carlo.engine.sampling.correlation;

import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.InverseErfc;

/** The standard normal CDF and its inverse, through the complementary error function. */
final class StandardNormal {

    private static final double SQRT2 = Math.sqrt(2);

    private StandardNormal() {
    }

    /** Φ⁻¹(p) for p in (0, 1). */
    static double inverseCdf(double p) {
        return -SQRT2 * InverseErfc.value(2 * p);
    }

    /**
     * Φ(x), kept inside the open interval (0, 1) so that whatever inverse CDF comes next stays finite.
     */
    static double cdf(double x) {
        return OpenUnitInterval.clamp(0.5 * Erfc.value(-x / SQRT2));
    }
}
