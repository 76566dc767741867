package io.carlo.engine.sampling.distribution;

import io.carlo.engine.sampling.Distribution;
import java.util.Arrays;
import java.util.TreeMap;

/**
 * A finite set of values with probabilities: @RISK's Discrete({x}, {weights}) and DUniform({x}).
 * Values are kept sorted with their cumulative probabilities, so the inverse CDF is a binary search.
 */
public final class DiscreteValues implements Distribution {

    private final String describe;
    private final double[] values;
    private final double[] cumulative;
    private final double mean;

    /** Weights need not sum to 1; repeated values add up. */
    public DiscreteValues(String name, String describe, double[] values, double[] weights) {
        if (values.length == 0) {
            throw Check.fail(name, "needs at least one value");
        }
        if (values.length != weights.length) {
            throw Check.fail(name, "needs as many weights as values, got " + values.length + " values and "
                    + weights.length + " weights");
        }
        TreeMap<Double, Double> byValue = new TreeMap<>();
        double total = 0;
        for (int i = 0; i < values.length; i++) {
            Check.finite(name, "value " + (i + 1), values[i]);
            Check.nonNegative(name, "weight " + (i + 1), weights[i]);
            byValue.merge(values[i] + 0.0, weights[i], Double::sum); // + 0.0 folds -0 into 0
            total += weights[i];
        }
        if (!(total > 0) || !Double.isFinite(total)) {
            throw Check.fail(name, "weights must add up to a finite number greater than 0, got " + Format.number(total));
        }
        this.describe = describe;
        byValue.values().removeIf(w -> w == 0);
        this.values = byValue.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        this.cumulative = new double[values.length];
        double running = 0;
        double weightedSum = 0;
        int i = 0;
        for (var entry : byValue.entrySet()) {
            running += entry.getValue();
            cumulative[i++] = running / total;
            weightedSum += entry.getKey() * entry.getValue();
        }
        cumulative[cumulative.length - 1] = 1; // no value may be left out by rounding
        this.mean = weightedSum / total;
    }

    @Override
    public String describe() {
        return describe;
    }

    @Override
    public double inverseCdf(double p) {
        int i = Arrays.binarySearch(cumulative, p);
        if (i < 0) {
            i = -i - 1;
        }
        return values[Math.min(i, values.length - 1)];
    }

    @Override
    public double cdf(double x) {
        int i = Arrays.binarySearch(values, x);
        int last = i >= 0 ? i : -i - 2; // index of the largest value <= x
        return last < 0 ? 0 : cumulative[last];
    }

    @Override
    public double mean() {
        return mean;
    }

    @Override
    public double lower() {
        return values[0];
    }

    @Override
    public double upper() {
        return values[values.length - 1];
    }

    @Override
    public boolean isDiscrete() {
        return true;
    }

    @Override
    public String toString() {
        return describe;
    }
}
