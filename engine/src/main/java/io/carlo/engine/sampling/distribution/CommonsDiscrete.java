package io.carlo.engine.sampling.distribution;

import io.carlo.engine.sampling.Distribution;
import org.apache.commons.statistics.distribution.DiscreteDistribution;

/** An integer-valued distribution from Apache Commons Statistics. */
public record CommonsDiscrete(String describe, DiscreteDistribution distribution) implements Distribution {

    @Override
    public double inverseCdf(double p) {
        return distribution.inverseCumulativeProbability(p);
    }

    @Override
    public double cdf(double x) {
        // Commons takes an int; the CDF is flat between integers and 0 or 1 beyond the int range.
        double k = Math.floor(x);
        if (k < Integer.MIN_VALUE) {
            return 0;
        }
        if (k > Integer.MAX_VALUE || Double.isNaN(k)) {
            return Double.isNaN(k) ? Double.NaN : 1;
        }
        return distribution.cumulativeProbability((int) k);
    }

    @Override
    public double mean() {
        return distribution.getMean();
    }

    @Override
    public double lower() {
        return distribution.getSupportLowerBound();
    }

    @Override
    public double upper() {
        int upper = distribution.getSupportUpperBound();
        // Commons reports an unbounded support (Poisson, geometric) as Integer.MAX_VALUE.
        return upper == Integer.MAX_VALUE ? Double.POSITIVE_INFINITY : upper;
    }

    @Override
    public boolean isDiscrete() {
        return true;
    }

    @Override
    public String toString() {
        return describe;
    }
}
