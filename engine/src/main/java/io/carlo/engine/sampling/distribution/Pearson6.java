package io.carlo.engine.sampling.distribution;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * Pearson6(β1, β2, β) as @RISK (beta prime with scale β): X = β·B/(1 - B) with B ~ Beta(β1, β2).
 */
public record Pearson6(double beta1, double beta2, double beta, BetaDistribution betaVariable)
        implements Continuous {

    public Pearson6(double beta1, double beta2, double beta) {
        this(Check.positive("Pearson6", "beta1 (shape)", beta1), Check.positive("Pearson6", "beta2 (shape)", beta2),
                Check.positive("Pearson6", "beta (scale)", beta), BetaDistribution.of(beta1, beta2));
    }

    @Override
    public String describe() {
        return Format.call("Pearson6", beta1, beta2, beta);
    }

    @Override
    public double inverseCdf(double p) {
        double b = betaVariable.inverseCumulativeProbability(p);
        return beta * b / (1 - b);
    }

    @Override
    public double cdf(double x) {
        return x <= 0 ? 0 : betaVariable.cumulativeProbability(x / (x + beta));
    }

    /** Infinite when β2 <= 1. */
    @Override
    public double mean() {
        return beta2 <= 1 ? Double.POSITIVE_INFINITY : beta * beta1 / (beta2 - 1);
    }

    @Override
    public double lower() {
        return 0;
    }

    @Override
    public double upper() {
        return Double.POSITIVE_INFINITY;
    }
}
