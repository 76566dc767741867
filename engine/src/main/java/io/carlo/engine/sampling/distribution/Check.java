package io.carlo.engine.sampling.distribution;

import io.carlo.engine.sampling.DistributionException;

/**
 * Parameter validation with the messages users see: they name the distribution and the parameter
 * and quote the value given ("Normal: standard deviation must be greater than 0, got -1").
 */
final class Check {

    private Check() {
    }

    static double finite(String distribution, String parameter, double value) {
        if (!Double.isFinite(value)) {
            throw fail(distribution, parameter + " must be a finite number, got " + Format.number(value));
        }
        return value;
    }

    static double positive(String distribution, String parameter, double value) {
        finite(distribution, parameter, value);
        if (!(value > 0)) {
            throw fail(distribution, parameter + " must be greater than 0, got " + Format.number(value));
        }
        return value;
    }

    static double nonNegative(String distribution, String parameter, double value) {
        finite(distribution, parameter, value);
        if (value < 0) {
            throw fail(distribution, parameter + " must be 0 or more, got " + Format.number(value));
        }
        return value;
    }

    /** A probability in [0, 1]. */
    static double probability(String distribution, String parameter, double value) {
        finite(distribution, parameter, value);
        if (value < 0 || value > 1) {
            throw fail(distribution, parameter + " must be between 0 and 1, got " + Format.number(value));
        }
        return value;
    }

    /** A whole number at least {@code min}; counts such as Binomial's n. */
    static int integer(String distribution, String parameter, double value, int min) {
        finite(distribution, parameter, value);
        if (value != Math.rint(value)) {
            throw fail(distribution, parameter + " must be a whole number, got " + Format.number(value));
        }
        if (value < min) {
            throw fail(distribution, parameter + " must be " + min + " or more, got " + Format.number(value));
        }
        if (value > Integer.MAX_VALUE) {
            throw fail(distribution, parameter + " must be at most " + Integer.MAX_VALUE + ", got "
                    + Format.number(value));
        }
        return (int) value;
    }

    /** {@code low < high}, as for a minimum and a maximum. */
    static void less(String distribution, String lowName, double low, String highName, double high) {
        finite(distribution, lowName, low);
        finite(distribution, highName, high);
        if (!(low < high)) {
            throw fail(distribution, lowName + " must be less than " + highName + ", got "
                    + Format.number(low) + " and " + Format.number(high));
        }
    }

    /** {@code low <= high}, as for a minimum and a most likely value. */
    static void notGreater(String distribution, String lowName, double low, String highName, double high) {
        finite(distribution, lowName, low);
        finite(distribution, highName, high);
        if (low > high) {
            throw fail(distribution, lowName + " must not be greater than " + highName + ", got "
                    + Format.number(low) + " and " + Format.number(high));
        }
    }

    static DistributionException fail(String distribution, String message) {
        return new DistributionException(distribution + ": " + message);
    }
}
