package io.carlo.engine.sampling.distribution;

import org.apache.commons.statistics.distribution.GammaDistribution;

/** Pearson5(α, β) as @RISK (inverse gamma): X = β / G with G ~ Gamma(α, 1). */
public record Pearson5(double alpha, double beta, GammaDistribution gammaVariable) implements Continuous {

    public Pearson5(double alpha, double beta) {
        this(Check.positive("Pearson5", "alpha (shape)", alpha), Check.positive("Pearson5", "beta (scale)", beta),
                GammaDistribution.of(alpha, 1));
    }

    @Override
    public String describe() {
        return Format.call("Pearson5", alpha, beta);
    }

    @Override
    public double inverseCdf(double p) {
        // X <= x exactly when G >= β/x, so the p-quantile of X comes from G's upper tail.
        return beta / gammaVariable.inverseSurvivalProbability(p);
    }

    @Override
    public double cdf(double x) {
        return x <= 0 ? 0 : gammaVariable.survivalProbability(beta / x);
    }

    /** Infinite when α <= 1. */
    @Override
    public double mean() {
        return alpha <= 1 ? Double.POSITIVE_INFINITY : beta / (alpha - 1);
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
