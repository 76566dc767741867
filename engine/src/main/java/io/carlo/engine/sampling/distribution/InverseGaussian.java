package io.carlo.engine.sampling.distribution;

import org.apache.commons.numbers.gamma.Erfcx;
import org.apache.commons.numbers.rootfinder.BrentSolver;

/**
 * InvGauss(μ, λ) as @RISK (the Wald distribution): mean μ, shape λ. The CDF has a closed form;
 * the quantile has none, so it is found by Brent's method on the CDF.
 */
public record InverseGaussian(double mu, double lambda) implements Continuous {

    private static final double SQRT2 = Math.sqrt(2);
    private static final BrentSolver SOLVER = new BrentSolver(1e-15, 1e-300, 0);

    public InverseGaussian {
        Check.positive("InvGauss", "mu (mean)", mu);
        Check.positive("InvGauss", "lambda (shape)", lambda);
    }

    @Override
    public String describe() {
        return Format.call("InvGauss", mu, lambda);
    }

    @Override
    public double inverseCdf(double p) {
        double high = mu;
        while (cdf(high) < p) {
            high *= 2;
        }
        double low = high / 2;
        while (low > Double.MIN_NORMAL && cdf(low) > p) {
            low /= 2;
        }
        return SOLVER.findRoot(x -> cdf(x) - p, low, high);
    }

    /**
     * Φ(t1) + exp(2λ/μ)·Φ(-t2) with t1,2 = √(λ/x)(x/μ ∓ 1). The second term is rewritten as
     * ½·exp(-t1²/2)·erfcx(t2/√2), which is the same number without the overflow of exp(2λ/μ).
     */
    @Override
    public double cdf(double x) {
        if (x <= 0) {
            return 0;
        }
        double root = Math.sqrt(lambda / x);
        double t1 = root * (x / mu - 1);
        double t2 = root * (x / mu + 1);
        double value = StandardNormal.cdf(t1) + 0.5 * Math.exp(-t1 * t1 / 2) * Erfcx.value(t2 / SQRT2);
        return Math.min(1, value);
    }

    @Override
    public double mean() {
        return mu;
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
