package io.carlo.engine.sampling.distribution;

import org.apache.commons.numbers.gamma.LogGamma;

/**
 * Dagum(γ, β, α1, α2) as @RISK: location γ, scale β, shapes α1 and α2;
 * F(x) = (1 + ((x - γ)/β)^-α1)^-α2 for x > γ.
 */
public record Dagum(double gamma, double beta, double alpha1, double alpha2) implements Continuous {

    public Dagum {
        Check.finite("Dagum", "gamma (location)", gamma);
        Check.positive("Dagum", "beta (scale)", beta);
        Check.positive("Dagum", "alpha1 (shape)", alpha1);
        Check.positive("Dagum", "alpha2 (shape)", alpha2);
    }

    @Override
    public String describe() {
        return Format.call("Dagum", gamma, beta, alpha1, alpha2);
    }

    @Override
    public double inverseCdf(double p) {
        return gamma + beta * Math.pow(Math.expm1(-Math.log(p) / alpha2), -1 / alpha1);
    }

    @Override
    public double cdf(double x) {
        if (x <= gamma) {
            return 0;
        }
        return Math.exp(-alpha2 * Math.log1p(Math.pow((x - gamma) / beta, -alpha1)));
    }

    /** Infinite when α1 <= 1. */
    @Override
    public double mean() {
        if (alpha1 <= 1) {
            return Double.POSITIVE_INFINITY;
        }
        return gamma + beta * Math.exp(LogGamma.value(alpha2 + 1 / alpha1) + LogGamma.value(1 - 1 / alpha1)
                - LogGamma.value(alpha2));
    }

    @Override
    public double lower() {
        return gamma;
    }

    @Override
    public double upper() {
        return Double.POSITIVE_INFINITY;
    }
}
