package io.carlo.engine.sampling.distribution;

import io.carlo.engine.sampling.Distribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;

/**
 * A continuous distribution from Apache Commons Statistics, optionally moved and stretched to
 * {@code offset + scale * X}: that is how a 4-parameter beta (and PERT) sits on [min, max].
 */
public final class CommonsContinuous implements Distribution {

    private final String describe;
    private final ContinuousDistribution distribution;
    private final double offset;
    private final double scale;
    /** Null where the library's own inverse is closed-form and already fast. */
    private final RefinedQuantile refined;

    private CommonsContinuous(String describe, ContinuousDistribution distribution, double offset, double scale,
            boolean refine) {
        this.describe = describe;
        this.distribution = distribution;
        this.offset = offset;
        this.scale = scale;
        this.refined = refine ? new RefinedQuantile(distribution) : null;
    }

    /** Quantiles from the library's own inverse CDF: a formula for most (normal, Weibull, triangular...). */
    static CommonsContinuous of(String describe, ContinuousDistribution distribution) {
        return new CommonsContinuous(describe, distribution, 0, 1, false);
    }

    /** {@code offset + scale * X}, quantiles from the library. */
    static CommonsContinuous of(String describe, ContinuousDistribution distribution, double offset, double scale) {
        return new CommonsContinuous(describe, distribution, offset, scale, false);
    }

    /**
     * Quantiles through a {@link RefinedQuantile}: for the distributions whose library inverse is a
     * root search that costs more than three CDF evaluations. Measured (DistributionBenchmark and
     * RefinedQuantile's own comparison) that is Student's t and F always, and beta and gamma with a
     * non-integer shape (PERT's usual case); with integer shapes their CDF is cheap and the
     * library's search is the faster.
     */
    static CommonsContinuous refined(String describe, ContinuousDistribution distribution, double offset,
            double scale) {
        return new CommonsContinuous(describe, distribution, offset, scale, true);
    }

    @Override
    public String describe() {
        return describe;
    }

    @Override
    public double inverseCdf(double p) {
        double x = refined != null ? refined.inverse(p) : distribution.inverseCumulativeProbability(p);
        return offset + scale * x;
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
