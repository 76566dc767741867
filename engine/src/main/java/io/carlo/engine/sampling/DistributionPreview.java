package io.carlo.engine.sampling;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a distribution for a chart while a user chooses its parameters: its density on an
 * even grid (continuous), or the probability of each value (discrete), and where its bulk lies.
 * Computed from the distribution's own CDF and inverse CDF, the functions a simulation samples by,
 * so the picture is the distribution that will run.
 *
 * @param description the distribution as Carlo writes it, e.g. {@code Triangular(80, 100, 130)}
 * @param discrete    whether {@code density} holds probabilities of single values
 * @param x           grid points (continuous) or values (discrete), ascending
 * @param density     density at each x (continuous), or P(X = x) (discrete)
 * @param mean        NaN when it does not exist
 * @param p5          5th percentile; {@code p50}, {@code p95} likewise
 */
public record DistributionPreview(String description, boolean discrete, List<Double> x, List<Double> density,
                                  double mean, double p5, double p50, double p95, double lower, double upper) {

    /** The x range shown: the 0.1% to 99.9% quantiles, or the support's end where it is finite and near. */
    private static final double TAIL = 0.001;
    private static final int MAX_DISCRETE_VALUES = 400;

    public static DistributionPreview of(Distribution d, int points) {
        int n = Math.max(10, Math.min(points, 1000));
        double lo = d.inverseCdf(TAIL);
        double hi = d.inverseCdf(1 - TAIL);
        if (Double.isFinite(d.lower()) && d.lower() > lo - (hi - lo) * 0.05) {
            lo = d.lower();
        }
        if (Double.isFinite(d.upper()) && d.upper() < hi + (hi - lo) * 0.05) {
            hi = d.upper();
        }
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        boolean discrete = d.isDiscrete() && masses(d, xs, ys);
        if (!discrete) {
            xs.clear();
            ys.clear();
            density(d, lo, hi, n, xs, ys);
        }
        return new DistributionPreview(d.describe(), discrete, xs, ys, d.mean(), d.inverseCdf(0.05),
                d.inverseCdf(0.5), d.inverseCdf(0.95), d.lower(), d.upper());
    }

    /**
     * The values of a discrete distribution between its 0.1% and 99.9% quantiles with their
     * probabilities; false when there are too many to show as bars (then the density stands in).
     */
    private static boolean masses(Distribution d, List<Double> xs, List<Double> ys) {
        double value = d.inverseCdf(TAIL);
        double last = d.inverseCdf(1 - TAIL);
        double below = d.cdf(Math.nextDown(value));
        while (xs.size() <= MAX_DISCRETE_VALUES) {
            double p = d.cdf(value);
            xs.add(value);
            ys.add(p - below);
            // the next value is where the inverse CDF lands just above this value's cumulative probability
            double next = p >= 1 ? value : d.inverseCdf(Math.min(Math.nextUp(p), Math.nextDown(1.0)));
            if (value >= last || !(next > value)) {
                return true;
            }
            below = p;
            value = next;
        }
        return false;
    }

    /**
     * The density as the probability of each small interval over its width: exact for the
     * piecewise-linear empirical shapes and within the drawing's resolution for the smooth ones,
     * with no density function needed beyond the CDF.
     */
    private static void density(Distribution d, double lo, double hi, int n, List<Double> xs, List<Double> ys) {
        if (!(hi > lo)) {
            xs.add(lo);
            ys.add(1.0);
            return;
        }
        double step = (hi - lo) / (n - 1);
        double half = step / 2;
        for (int i = 0; i < n; i++) {
            double x = lo + i * step;
            double a = Math.max(x - half, lo);
            double b = Math.min(x + half, hi);
            double width = b - a;
            double mass = d.cdf(b) - d.cdf(a);
            xs.add(x);
            ys.add(width > 0 ? Math.max(0, mass / width) : 0);
        }
    }
}
