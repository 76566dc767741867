package io.carlo.engine.sampling.distribution;

/**
 * ExtValueMin(α, β) as @RISK: the extreme value distribution of minima, location α, scale β;
 * F(x) = 1 - exp(-exp((x - α)/β)).
 */
public record ExtValueMin(double alpha, double beta) implements Continuous {

    private static final double EULER = 0.5772156649015329;

    public ExtValueMin {
        Check.finite("ExtValueMin", "alpha (location)", alpha);
        Check.positive("ExtValueMin", "beta (scale)", beta);
    }

    @Override
    public String describe() {
        return Format.call("ExtValueMin", alpha, beta);
    }

    @Override
    public double inverseCdf(double p) {
        return alpha + beta * Math.log(-Math.log1p(-p));
    }

    @Override
    public double cdf(double x) {
        return -Math.expm1(-Math.exp((x - alpha) / beta));
    }

    @Override
    public double mean() {
        return alpha - beta * EULER;
    }

    @Override
    public double lower() {
        return Double.NEGATIVE_INFINITY;
    }

    @Override
    public double upper() {
        return Double.POSITIVE_INFINITY;
    }
}
