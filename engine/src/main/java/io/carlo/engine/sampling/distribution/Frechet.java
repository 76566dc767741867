package io.carlo.engine.sampling.distribution;

import org.apache.commons.numbers.gamma.Gamma;

/** Frechet(γ, β, α) as @RISK: location γ, scale β, shape α; F(x) = exp(-((x - γ)/β)^-α) for x > γ. */
public record Frechet(double gamma, double beta, double alpha) implements Continuous {

    public Frechet {
        Check.finite("Frechet", "gamma (location)", gamma);
        Check.positive("Frechet", "beta (scale)", beta);
        Check.positive("Frechet", "alpha (shape)", alpha);
    }

    @Override
    public String describe() {
        return Format.call("Frechet", gamma, beta, alpha);
    }

    @Override
    public double inverseCdf(double p) {
        return gamma + beta * Math.pow(-Math.log(p), -1 / alpha);
    }

    @Override
    public double cdf(double x) {
        if (x <= gamma) {
            return 0;
        }
        return Math.exp(-Math.pow((x - gamma) / beta, -alpha));
    }

    /** Infinite when α <= 1. */
    @Override
    public double mean() {
        return alpha <= 1 ? Double.POSITIVE_INFINITY : gamma + beta * Gamma.value(1 - 1 / alpha);
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
