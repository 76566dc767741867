package io.carlo.engine.sampling.distribution;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Formats parameters for {@code describe()} and messages: {@code Normal(100, 10)}, not {@code 100.0}. */
final class Format {

    private Format() {
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    static String array(double[] values) {
        return Arrays.stream(values).mapToObj(Format::number).collect(Collectors.joining(", ", "{", "}"));
    }

    /** {@code name(a, b, c)} from scalar parameters. */
    static String call(String name, double... parameters) {
        return Arrays.stream(parameters).mapToObj(Format::number)
                .collect(Collectors.joining(", ", name + "(", ")"));
    }
}
