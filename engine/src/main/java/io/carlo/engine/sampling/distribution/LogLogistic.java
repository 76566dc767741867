package io.carlo.engine.sampling.distribution;

/**
 * LogLogistic(γ, β, α) as @RISK: location γ, scale β, shape α;
 * F(x) = 1 / (1 + ((x - γ)/β)^-α) for x > γ.
 */
public record LogLogistic(double gamma, double beta, double alpha) implements Continuous {

    public LogLogistic {
        Check.finite("LogLogistic", "gamma (location)", gamma);
        Check.positive("LogLogistic", "beta (scale)", beta);
        Check.positive("LogLogistic", "alpha (shape)", alpha);
    }

    @Override
    public String describe() {
        return Format.call("LogLogistic", gamma, beta, alpha);
    }

    @Override
    public double inverseCdf(double p) {
        return gamma + beta * Math.pow(p / (1 - p), 1 / alpha);
    }

    @Override
    public double cdf(double x) {
        if (x <= gamma) {
            return 0;
        }
        return 1 / (1 + Math.pow((x - gamma) / beta, -alpha));
    }

    /** Infinite when α <= 1. */
    @Override
    public double mean() {
        if (alpha <= 1) {
            return Double.POSITIVE_INFINITY;
        }
        double theta = Math.PI / alpha;
        return gamma + beta * theta / Math.sin(theta);
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
