package io.carlo.engine.sampling.distribution;

import io.carlo.engine.sampling.Distribution;
import io.carlo.engine.sampling.DistributionException;

/**
 * A distribution restricted to [lower, upper], as @RISK's RiskTruncate: sampled by inversion of
 * the base distribution within [F(lower), F(upper)], so one uniform still gives one value and Latin
 * hypercube and rank correlation keep working. For a discrete base both bounds are inclusive.
 *
 * <p>Precision: the probabilities are differences of the base CDF, so a range deep in the upper
 * tail (F(lower) within 1e-16 of 1) cannot be resolved and is reported as having zero probability.
 */
public final class Truncated implements Distribution {

    /** Probability steps under this merge with the next support point when the mean is summed. */
    private static final double DISCRETE_STEP = 1e-14;
    private static final int MAX_DISCRETE_POINTS = 1_000_000;

    private final Distribution base;
    private final double lowerBound;
    private final double upperBound;
    private final double cdfBelow;
    private final double mass;
    private final String describe;
    private final double lowest;
    private final double highest;
    private volatile Double mean;

    private Truncated(Distribution base, double lowerBound, double upperBound, String property) {
        String name = base.describe();
        if (Double.isNaN(lowerBound) || Double.isNaN(upperBound)) {
            throw Check.fail(name, "truncation bounds must be numbers");
        }
        if (lowerBound > upperBound) {
            throw Check.fail(name, "truncation minimum must not be greater than maximum, got "
                    + Format.number(lowerBound) + " and " + Format.number(upperBound));
        }
        this.base = base;
        this.lowerBound = lowerBound;
        this.upperBound = upperBound;
        // For a discrete base, P(X < lower): the CDF just below the bound keeps lower itself inside.
        this.cdfBelow = base.isDiscrete() ? base.cdf(Math.nextDown(lowerBound)) : base.cdf(lowerBound);
        this.mass = base.cdf(upperBound) - cdfBelow;
        if (!(mass > 0)) {
            throw new DistributionException(name + ": the truncation range [" + Format.number(lowerBound) + ", "
                    + Format.number(upperBound) + "] has zero probability");
        }
        this.describe = Property.append(name, property);
        this.lowest = base.isDiscrete() ? inverseCdf(Double.MIN_VALUE) : Math.max(lowerBound, base.lower());
        this.highest = base.isDiscrete() && upperBound < base.upper() ? inverseCdf(1) : Math.min(upperBound, base.upper());
    }

    /** Truncation to values; infinite bounds leave that side open. */
    public static Truncated between(Distribution base, double lower, double upper) {
        return new Truncated(base, lower, upper, "Truncate(" + Format.number(lower) + ", " + Format.number(upper) + ")");
    }

    /** Truncation to the values between two percentiles (in [0, 1]) of the base distribution. */
    public static Truncated betweenPercentiles(Distribution base, double pLow, double pHigh) {
        String name = base.describe();
        Check.probability(name, "truncation lower percentile", pLow);
        Check.probability(name, "truncation upper percentile", pHigh);
        if (!(pLow < pHigh)) {
            throw Check.fail(name, "truncation lower percentile must be less than the upper one, got "
                    + Format.number(pLow) + " and " + Format.number(pHigh));
        }
        double lower = pLow == 0 ? Double.NEGATIVE_INFINITY : base.inverseCdf(pLow);
        double upper = pHigh == 1 ? Double.POSITIVE_INFINITY : base.inverseCdf(pHigh);
        return new Truncated(base, lower, upper,
                "TruncateP(" + Format.number(pLow) + ", " + Format.number(pHigh) + ")");
    }

    @Override
    public String describe() {
        return describe;
    }

    @Override
    public double inverseCdf(double p) {
        double u = Math.min(cdfBelow + p * mass, cdfBelow + mass);
        if (base.isDiscrete() && u <= cdfBelow) {
            // Inverting at exactly F(lower-) would return the support point below the range.
            u = Math.nextUp(cdfBelow);
        }
        if (!base.isDiscrete() && p < 1 && u >= cdfBelow + mass) {
            // F(lower) + p·mass can round up to F(upper) = 1, whose inverse is an infinite tail end.
            u = Math.nextDown(cdfBelow + mass);
        }
        double x = base.inverseCdf(u);
        return Math.max(lowerBound, Math.min(upperBound, x));
    }

    @Override
    public double cdf(double x) {
        if (x < lowerBound) {
            return 0;
        }
        if (x >= upperBound) {
            return 1;
        }
        return Math.max(0, Math.min(1, (base.cdf(x) - cdfBelow) / mass));
    }

    @Override
    public double mean() {
        Double known = mean;
        if (known == null) {
            known = computeMean();
            mean = known;
        }
        return known;
    }

    private double computeMean() {
        boolean openBelow = lowerBound <= base.lower();
        boolean openAbove = upperBound >= base.upper();
        if (openBelow && openAbove) {
            return base.mean();
        }
        if (!Double.isFinite(base.mean()) && (openBelow || openAbove)) {
            return base.mean(); // the side left open is the one that has no mean
        }
        return base.isDiscrete() ? discreteMean() : QuantileIntegral.mean(this::inverseCdf);
    }

    /** Sums x·P(X = x) over the support points, walking them through the CDF. */
    private double discreteMean() {
        double sum = 0;
        double below = 0;
        double x = lowest;
        for (int points = 0; points < MAX_DISCRETE_POINTS; points++) {
            double f = cdf(x);
            sum += x * (f - below);
            below = f;
            if (f + DISCRETE_STEP >= 1 || x >= highest) {
                return sum / below;
            }
            x = inverseCdf(f + DISCRETE_STEP);
        }
        // Too many points to visit: the quantile integral of the step function is a close estimate.
        return QuantileIntegral.mean(this::inverseCdf);
    }

    @Override
    public double lower() {
        return lowest;
    }

    @Override
    public double upper() {
        return highest;
    }

    @Override
    public boolean isDiscrete() {
        return base.isDiscrete();
    }

    @Override
    public String toString() {
        return describe;
    }
}
