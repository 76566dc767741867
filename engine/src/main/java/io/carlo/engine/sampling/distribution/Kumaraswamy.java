package io.carlo.engine.sampling.distribution;

import org.apache.commons.numbers.gamma.LogBeta;

/**
 * Kumaraswamy(α1, α2, min, max) as @RISK: with z = (x - min)/(max - min),
 * F = 1 - (1 - z^α1)^α2 on [min, max].
 */
public record Kumaraswamy(double alpha1, double alpha2, double min, double max) implements Continuous {

    public Kumaraswamy {
        Check.positive("Kumaraswamy", "alpha1 (shape)", alpha1);
        Check.positive("Kumaraswamy", "alpha2 (shape)", alpha2);
        Check.less("Kumaraswamy", "min", min, "max", max);
    }

    @Override
    public String describe() {
        return Format.call("Kumaraswamy", alpha1, alpha2, min, max);
    }

    @Override
    public double inverseCdf(double p) {
        double z = Math.pow(-Math.expm1(Math.log1p(-p) / alpha2), 1 / alpha1);
        return min + (max - min) * z;
    }

    @Override
    public double cdf(double x) {
        if (x <= min) {
            return 0;
        }
        if (x >= max) {
            return 1;
        }
        double z = (x - min) / (max - min);
        return -Math.expm1(alpha2 * Math.log1p(-Math.pow(z, alpha1)));
    }

    @Override
    public double mean() {
        double standard = Math.exp(Math.log(alpha2) + LogBeta.value(1 + 1 / alpha1, alpha2));
        return min + (max - min) * standard;
    }

    @Override
    public double lower() {
        return min;
    }

    @Override
    public double upper() {
        return max;
    }
}
