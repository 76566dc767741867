package io.carlo.engine.sampling.distribution;

import org.apache.commons.numbers.gamma.LogBeta;

/**
 * Burr12(γ, β, α1, α2) as @RISK (Burr type XII): location γ, scale β, shapes α1 and α2;
 * F(x) = 1 - (1 + ((x - γ)/β)^α1)^-α2 for x > γ.
 */
public record Burr12(double gamma, double beta, double alpha1, double alpha2) implements Continuous {

    public Burr12 {
        Check.finite("Burr12", "gamma (location)", gamma);
        Check.positive("Burr12", "beta (scale)", beta);
        Check.positive("Burr12", "alpha1 (shape)", alpha1);
        Check.positive("Burr12", "alpha2 (shape)", alpha2);
    }

    @Override
    public String describe() {
        return Format.call("Burr12", gamma, beta, alpha1, alpha2);
    }

    @Override
    public double inverseCdf(double p) {
        // (1-p)^(-1/α2) - 1 written with log1p/expm1 so that small p keeps its precision.
        return gamma + beta * Math.pow(Math.expm1(-Math.log1p(-p) / alpha2), 1 / alpha1);
    }

    @Override
    public double cdf(double x) {
        if (x <= gamma) {
            return 0;
        }
        return -Math.expm1(-alpha2 * Math.log1p(Math.pow((x - gamma) / beta, alpha1)));
    }

    /** Infinite when α1·α2 <= 1. */
    @Override
    public double mean() {
        if (alpha1 * alpha2 <= 1) {
            return Double.POSITIVE_INFINITY;
        }
        return gamma + beta * Math.exp(Math.log(alpha2) + LogBeta.value(alpha2 - 1 / alpha1, 1 + 1 / alpha1));
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
