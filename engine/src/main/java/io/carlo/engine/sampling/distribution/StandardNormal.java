package io.carlo.engine.sampling.distribution;

import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.InverseErfc;

/** Φ and Φ⁻¹ through erfc, which keeps full relative precision far in both tails. */
final class StandardNormal {

    private static final double SQRT2 = Math.sqrt(2);

    private StandardNormal() {
    }

    static double cdf(double z) {
        return 0.5 * Erfc.value(-z / SQRT2);
    }

    static double inverseCdf(double p) {
        return -SQRT2 * InverseErfc.value(2 * p);
    }
}
