package io.carlo.engine.sampling.distribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * @RISK's General(min, max, {x}, {density}): a density drawn in straight lines through the points
 * (x, density), starting at 0 at min and ending at 0 at max, scaled to area 1. The CDF is
 * quadratic in each segment, so the inverse CDF solves a quadratic.
 */
public final class PiecewiseLinearDensity implements Continuous {

    private static final String NAME = "General";

    private final String describe;
    private final double[] xs;
    private final double[] fs;
    private final double[] cumulative;

    public PiecewiseLinearDensity(double min, double max, double[] x, double[] density) {
        Check.less(NAME, "min", min, "max", max);
        if (x.length != density.length) {
            throw Check.fail(NAME, "needs as many densities as values, got " + x.length + " values and "
                    + density.length + " densities");
        }
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {min, 0});
        for (int i = 0; i < x.length; i++) {
            Check.finite(NAME, "value " + (i + 1), x[i]);
            Check.nonNegative(NAME, "density " + (i + 1), density[i]);
            double previous = i == 0 ? min : x[i - 1];
            boolean increasing = i == 0 ? x[i] >= previous : x[i] > previous;
            if (!increasing || x[i] > max) {
                throw Check.fail(NAME, "values must increase strictly and lie between min and max, got "
                        + Format.array(x) + " with min " + Format.number(min) + " and max " + Format.number(max));
            }
            points.add(new double[] {x[i], density[i]});
        }
        points.add(new double[] {max, 0});
        // A value equal to min or max makes a zero-width segment: a jump in the density, no area.
        List<double[]> kept = new ArrayList<>();
        for (double[] point : points) {
            if (!kept.isEmpty() && kept.get(kept.size() - 1)[0] == point[0]) {
                if (point[0] == min) {
                    kept.set(kept.size() - 1, point); // the density starts at the value given for min
                }
                continue;
            }
            kept.add(point);
        }
        this.xs = kept.stream().mapToDouble(point -> point[0]).toArray();
        double[] heights = kept.stream().mapToDouble(point -> point[1]).toArray();
        double area = 0;
        double[] areas = new double[xs.length];
        for (int k = 0; k + 1 < xs.length; k++) {
            area += (heights[k] + heights[k + 1]) / 2 * (xs[k + 1] - xs[k]);
            areas[k + 1] = area;
        }
        if (!(area > 0) || !Double.isFinite(area)) {
            throw Check.fail(NAME, "densities must enclose an area greater than 0, got " + Format.array(density));
        }
        final double total = area;
        this.fs = Arrays.stream(heights).map(h -> h / total).toArray();
        this.cumulative = Arrays.stream(areas).map(a -> a / total).toArray();
        cumulative[cumulative.length - 1] = 1;
        this.describe = NAME + "(" + Format.number(min) + ", " + Format.number(max) + ", " + Format.array(x) + ", "
                + Format.array(density) + ")";
    }

    @Override
    public String describe() {
        return describe;
    }

    @Override
    public double inverseCdf(double p) {
        int j = Arrays.binarySearch(cumulative, p);
        if (j < 0) {
            j = -j - 1;
        } else {
            while (j > 0 && cumulative[j - 1] == p) {
                j--;
            }
        }
        if (j == 0) {
            return xs[0];
        }
        int k = j - 1; // cumulative[k] < p <= cumulative[k+1]: a segment with area
        double width = xs[k + 1] - xs[k];
        double slope = (fs[k + 1] - fs[k]) / width;
        double rest = p - cumulative[k];
        // Solve fs[k]·t + slope·t²/2 = rest for t in [0, width]; this form avoids cancellation.
        double discriminant = Math.max(0, fs[k] * fs[k] + 2 * slope * rest);
        double t = 2 * rest / (fs[k] + Math.sqrt(discriminant));
        return xs[k] + Math.min(width, Math.max(0, t));
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
            return cumulative[i];
        }
        int k = -i - 2;
        double t = x - xs[k];
        double slope = (fs[k + 1] - fs[k]) / (xs[k + 1] - xs[k]);
        return Math.min(1, cumulative[k] + fs[k] * t + slope * t * t / 2);
    }

    @Override
    public double mean() {
        double mean = 0;
        for (int k = 0; k + 1 < xs.length; k++) {
            double a = xs[k];
            double b = xs[k + 1];
            mean += (b - a) / 6 * (fs[k] * (2 * a + b) + fs[k + 1] * (a + 2 * b));
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
