package io.carlo.engine.sampling.distribution;

import java.util.List;

/** The arguments of one distribution call, read by position with messages that name the parameter. */
final class Parameters {

    private final String distribution;
    private final List<double[]> values;

    Parameters(String distribution, List<double[]> values) {
        this.distribution = distribution;
        this.values = values;
    }

    int count() {
        return values.size();
    }

    /** A single number; {@code name} is how messages call it ("standard deviation"). */
    double scalar(int index, String name) {
        double[] value = values.get(index);
        if (value == null || value.length != 1) {
            throw Check.fail(distribution, name + " must be a single number, got "
                    + (value == null ? "nothing" : value.length + " values"));
        }
        return Check.finite(distribution, name, value[0]);
    }

    /** A list of numbers, such as Discrete's values; a single number is a list of one. */
    double[] array(int index, String name) {
        double[] value = values.get(index);
        if (value == null || value.length == 0) {
            throw Check.fail(distribution, name + " must hold at least one number");
        }
        return value.clone();
    }
}
