package io.carlo.engine.sampling.distribution;

/**
 * Fatigue(γ, β, α) as @RISK (Birnbaum–Saunders): location γ, scale β, shape α; with
 * t = (x - γ)/β the variable (√t - 1/√t)/α is standard normal.
 */
public record Fatigue(double gamma, double beta, double alpha) implements Continuous {

    public Fatigue {
        Check.finite("Fatigue", "gamma (location)", gamma);
        Check.positive("Fatigue", "beta (scale)", beta);
        Check.positive("Fatigue", "alpha (shape)", alpha);
    }

    @Override
    public String describe() {
        return Format.call("Fatigue", gamma, beta, alpha);
    }

    @Override
    public double inverseCdf(double p) {
        double w = alpha * StandardNormal.inverseCdf(p) / 2;
        double root = w + Math.sqrt(w * w + 1);
        if (w < 0) {
            // w + √(w²+1) cancels for negative w; 1/(√(w²+1) - w) is the same number, exactly.
            root = 1 / (Math.sqrt(w * w + 1) - w);
        }
        return gamma + beta * root * root;
    }

    @Override
    public double cdf(double x) {
        if (x <= gamma) {
            return 0;
        }
        double s = Math.sqrt((x - gamma) / beta);
        return StandardNormal.cdf((s - 1 / s) / alpha);
    }

    @Override
    public double mean() {
        return gamma + beta * (1 + alpha * alpha / 2);
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
