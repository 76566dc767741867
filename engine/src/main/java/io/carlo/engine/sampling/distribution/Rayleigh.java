package io.carlo.engine.sampling.distribution;

/** Rayleigh(b) as @RISK: mode b, F(x) = 1 - exp(-x²/(2b²)) on [0, ∞). */
public record Rayleigh(double b) implements Continuous {

    public Rayleigh {
        Check.positive("Rayleigh", "b", b);
    }

    @Override
    public String describe() {
        return Format.call("Rayleigh", b);
    }

    @Override
    public double inverseCdf(double p) {
        return b * Math.sqrt(-2 * Math.log1p(-p));
    }

    @Override
    public double cdf(double x) {
        return x <= 0 ? 0 : -Math.expm1(-x * x / (2 * b * b));
    }

    @Override
    public double mean() {
        return b * Math.sqrt(Math.PI / 2);
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
