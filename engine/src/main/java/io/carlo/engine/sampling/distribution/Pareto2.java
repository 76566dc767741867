package io.carlo.engine.sampling.distribution;

/** Pareto2(b, q) as @RISK (Lomax): scale b, shape q; F(x) = 1 - (b/(x + b))^q on [0, ∞). */
public record Pareto2(double b, double q) implements Continuous {

    public Pareto2 {
        Check.positive("Pareto2", "b (scale)", b);
        Check.positive("Pareto2", "q (shape)", q);
    }

    @Override
    public String describe() {
        return Format.call("Pareto2", b, q);
    }

    @Override
    public double inverseCdf(double p) {
        return b * Math.expm1(-Math.log1p(-p) / q);
    }

    @Override
    public double cdf(double x) {
        return x <= 0 ? 0 : -Math.expm1(-q * Math.log1p(x / b));
    }

    /** Infinite when q <= 1. */
    @Override
    public double mean() {
        return q <= 1 ? Double.POSITIVE_INFINITY : b / (q - 1);
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
