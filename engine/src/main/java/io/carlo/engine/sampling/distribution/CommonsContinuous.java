package io.carlo.engine.sampling.distribution;

import io.carlo.engine.sampling.Distribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;

/**
 * A continuous distribution from Apache Commons Statistics, optionally moved and stretched to
 * {@code offset + scale * X}: that is how a 4-parameter beta (and PERT) sits on [min, max].
 */
public record CommonsContinuous(String describe, ContinuousDistribution distribution, double offset, double scale)
        implements Distribution {

    public CommonsContinuous(String describe, ContinuousDistribution distribution) {
        this(describe, distribution, 0, 1);
    }

    @Override
    public double inverseCdf(double p) {
        return offset + scale * distribution.inverseCumulativeProbability(p);
    }

    @Override
    public double cdf(double x) {
        return distribution.cumulativeProbability((x - offset) / scale);
    }

    @Override
    public double mean() {
        return offset + scale * distribution.getMean();
    }

    @Override
    public double lower() {
        return offset + scale * distribution.getSupportLowerBound();
    }

    @Override
    public double upper() {
        return offset + scale * distribution.getSupportUpperBound();
    }

    @Override
    public boolean isDiscrete() {
        return false;
    }

    @Override
    public String toString() {
        return describe;
    }
}
