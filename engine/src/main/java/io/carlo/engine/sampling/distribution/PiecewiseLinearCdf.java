package io.carlo.engine.sampling.distribution;

import java.util.Arrays;

/**
 * A CDF that runs in straight lines between points (x, F(x)), from (min, 0) to (max, 1): @RISK's
 * Cumul and CumulD, and Histogrm (whose bins have a flat density, hence a linear CDF in each).
 */
public final class PiecewiseLinearCdf implements Continuous {

    private final String describe;
    private final double[] xs;
    private final double[] ps;

    /** xs strictly increasing, ps non-decreasing from 0 to 1; the factories check this. */
    PiecewiseLinearCdf(String describe, double[] xs, double[] ps) {
        this.describe = describe;
        this.xs = xs;
        this.ps = ps;
    }

    /** Cumul(min, max, {x}, {p}): the p are P(X <= x); CumulD's descending p are P(X > x). */
    public static PiecewiseLinearCdf cumulative(String name, double min, double max, double[] x, double[] p,
            boolean descending) {
        Check.less(name, "min", min, "max", max);
        if (x.length != p.length) {
            throw Check.fail(name, "needs as many probabilities as values, got " + x.length + " values and "
                    + p.length + " probabilities");
        }
        double[] xs = new double[x.length + 2];
        double[] ps = new double[x.length + 2];
        xs[0] = min;
        xs[xs.length - 1] = max;
        ps[ps.length - 1] = 1;
        for (int i = 0; i < x.length; i++) {
            double pi = Check.probability(name, "probability " + (i + 1), p[i]);
            xs[i + 1] = Check.finite(name, "value " + (i + 1), x[i]);
            ps[i + 1] = descending ? 1 - pi : pi;
            if (!(xs[i + 1] > xs[i]) || (i == x.length - 1 && !(max > xs[i + 1]))) {
                throw Check.fail(name, "values must increase strictly between min and max, got "
                        + Format.array(x) + " with min " + Format.number(min) + " and max " + Format.number(max));
            }
            if (ps[i + 1] < ps[i]) {
                throw Check.fail(name, "probabilities must be " + (descending ? "non-increasing" : "non-decreasing")
                        + ", got " + Format.array(p));
            }
        }
        String label = name + "(" + Format.number(min) + ", " + Format.number(max) + ", " + Format.array(x) + ", "
                + Format.array(p) + ")";
        return new PiecewiseLinearCdf(label, xs, ps);
    }

    /** Histogrm(min, max, {p}): equal-width bins on [min, max] with the given relative probabilities. */
    public static PiecewiseLinearCdf histogram(double min, double max, double[] weights) {
        String name = "Histogram";
        Check.less(name, "min", min, "max", max);
        if (weights.length == 0) {
            throw Check.fail(name, "needs at least one bin probability");
        }
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            total += Check.nonNegative(name, "probability " + (i + 1), weights[i]);
        }
        if (!(total > 0) || !Double.isFinite(total)) {
            throw Check.fail(name, "probabilities must add up to a finite number greater than 0, got "
                    + Format.number(total));
        }
        int bins = weights.length;
        double[] xs = new double[bins + 1];
        double[] ps = new double[bins + 1];
        double running = 0;
        for (int i = 0; i <= bins; i++) {
            xs[i] = i == bins ? max : min + (max - min) * i / bins;
            if (i > 0) {
                running += weights[i - 1];
                ps[i] = i == bins ? 1 : running / total;
            }
        }
        String label = name + "(" + Format.number(min) + ", " + Format.number(max) + ", " + Format.array(weights) + ")";
        return new PiecewiseLinearCdf(label, xs, ps);
    }

    @Override
    public String describe() {
        return describe;
    }

    @Override
    public double inverseCdf(double p) {
        int j = Arrays.binarySearch(ps, p);
        if (j < 0) {
            j = -j - 1;
        } else {
            while (j > 0 && ps[j - 1] == p) {
                j--; // the smallest x with F(x) >= p starts the first of equal probabilities
            }
        }
        if (j == 0) {
            return xs[0];
        }
        // ps[j-1] < p <= ps[j], so the segment is not flat.
        double fraction = (p - ps[j - 1]) / (ps[j] - ps[j - 1]);
        return Math.min(xs[j], xs[j - 1] + fraction * (xs[j] - xs[j - 1]));
    }

    @Override
    public double cdf(double x) {
        if (x <= xs[0]) {
            return 0;
        }
        if (x >= xs[xs.length - 1]) {
            return 1;
        }
        int i = Arrays.binarySearch(xs, x);
        if (i >= 0) {
            return ps[i];
        }
        int k = -i - 2; // xs[k] < x < xs[k+1]
        return ps[k] + (ps[k + 1] - ps[k]) * (x - xs[k]) / (xs[k + 1] - xs[k]);
    }

    @Override
    public double mean() {
        double mean = 0;
        for (int k = 0; k + 1 < xs.length; k++) {
            mean += (ps[k + 1] - ps[k]) * (xs[k] + xs[k + 1]) / 2;
        }
        return mean;
    }

    @Override
    public double lower() {
        return xs[0];
    }

    @Override
    public double upper() {
        return xs[xs.length - 1];
    }

    @Override
    public String toString() {
        return describe;
    }
}
