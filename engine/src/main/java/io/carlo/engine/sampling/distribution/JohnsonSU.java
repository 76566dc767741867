package io.carlo.engine.sampling.distribution;

/**
 * JohnsonSU(α1, α2, γ, β) as @RISK: shapes α1 and α2, location γ, scale β; the variable
 * α1 + α2·asinh((x - γ)/β) is standard normal.
 */
public record JohnsonSU(double alpha1, double alpha2, double gamma, double beta) implements Continuous {

    public JohnsonSU {
        Check.finite("JohnsonSU", "alpha1 (shape)", alpha1);
        Check.positive("JohnsonSU", "alpha2 (shape)", alpha2);
        Check.finite("JohnsonSU", "gamma (location)", gamma);
        Check.positive("JohnsonSU", "beta (scale)", beta);
    }

    @Override
    public String describe() {
        return Format.call("JohnsonSU", alpha1, alpha2, gamma, beta);
    }

    @Override
    public double inverseCdf(double p) {
        return gamma + beta * Math.sinh((StandardNormal.inverseCdf(p) - alpha1) / alpha2);
    }

    @Override
    public double cdf(double x) {
        return StandardNormal.cdf(alpha1 + alpha2 * asinh((x - gamma) / beta));
    }

    @Override
    public double mean() {
        return gamma - beta * Math.exp(1 / (2 * alpha2 * alpha2)) * Math.sinh(alpha1 / alpha2);
    }

    @Override
    public double lower() {
        return Double.NEGATIVE_INFINITY;
    }

    @Override
    public double upper() {
        return Double.POSITIVE_INFINITY;
    }

    /** The JDK has no asinh; this form is exact near 0 and does not overflow for large |y|. */
    static double asinh(double y) {
        double a = Math.abs(y);
        double r = a > 1e8 ? Math.log(a) + Math.log(2) : Math.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
        return Math.copySign(r, y);
    }
}
