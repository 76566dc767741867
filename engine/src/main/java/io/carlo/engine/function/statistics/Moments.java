package io.carlo.engine.function.statistics;

import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;

/**
 * Means, deviations and the moment-based statistics (variance, skewness, kurtosis) of a sample.
 * Deviations are always taken from a mean computed first (two passes), never from running sums of
 * squares, because {@code sum(x^2) - n*mean^2} cancels catastrophically for data such as
 * {1e9+1, 1e9+2, 1e9+3}, where Excel still returns the exact variance 1.
 */
final class Moments {

    private Moments() {
    }

    /** The arithmetic mean; #DIV/0! for no data, as AVERAGE. */
    static double mean(double[] x) {
        if (x.length == 0) {
            throw ErrorSignal.of(ExcelError.DIV0);
        }
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    /** Sum of squared deviations from the mean (DEVSQ), with the rounding error of the mean corrected. */
    static double sumOfSquaredDeviations(double[] x) {
        double m = mean(x);
        double squares = 0;
        double residue = 0;
        for (double v : x) {
            double d = v - m;
            squares += d * d;
            residue += d;
        }
        return Math.max(0, squares - residue * residue / x.length);
    }

    /** Sample (n-1) or population (n) variance; #DIV/0! when the divisor is not positive. */
    static double variance(double[] x, boolean sample) {
        int divisor = sample ? x.length - 1 : x.length;
        if (divisor <= 0) {
            throw ErrorSignal.of(ExcelError.DIV0);
        }
        return sumOfSquaredDeviations(x) / divisor;
    }

    /** Mean absolute deviation from the mean (AVEDEV). */
    static double meanAbsoluteDeviation(double[] x) {
        if (x.length == 0) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        double m = mean(x);
        double sum = 0;
        for (double v : x) {
            sum += Math.abs(v - m);
        }
        return sum / x.length;
    }

    /** Sum of the k-th powers of the standardized values (x - mean) / sd. */
    private static double sumOfStandardizedPowers(double[] x, double sd, int k) {
        double m = mean(x);
        double sum = 0;
        for (double v : x) {
            sum += Math.pow((v - m) / sd, k);
        }
        return sum;
    }

    /** SKEW: the sample skewness, adjusted for bias; #DIV/0! below 3 points or without spread. */
    static double sampleSkewness(double[] x) {
        int n = x.length;
        if (n < 3) {
            throw ErrorSignal.of(ExcelError.DIV0);
        }
        double sd = nonZero(Math.sqrt(variance(x, true)));
        return n / ((n - 1.0) * (n - 2.0)) * sumOfStandardizedPowers(x, sd, 3);
    }

    /** SKEW.P: the population skewness. */
    static double populationSkewness(double[] x) {
        double sd = nonZero(Math.sqrt(variance(x, false)));
        return sumOfStandardizedPowers(x, sd, 3) / x.length;
    }

    /** KURT: the sample excess kurtosis; #DIV/0! below 4 points or without spread. */
    static double excessKurtosis(double[] x) {
        int n = x.length;
        if (n < 4) {
            throw ErrorSignal.of(ExcelError.DIV0);
        }
        double sd = nonZero(Math.sqrt(variance(x, true)));
        double n1 = n - 1.0;
        double n2 = n - 2.0;
        double n3 = n - 3.0;
        return n * (n + 1.0) / (n1 * n2 * n3) * sumOfStandardizedPowers(x, sd, 4) - 3 * n1 * n1 / (n2 * n3);
    }

    /** GEOMEAN: through logarithms, so that large samples do not overflow the product. */
    static double geometricMean(double[] x) {
        if (x.length == 0) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        double logSum = 0;
        for (double v : x) {
            if (v <= 0) {
                throw ErrorSignal.of(ExcelError.NUM);
            }
            logSum += Math.log(v);
        }
        return Math.exp(logSum / x.length);
    }

    /** HARMEAN. */
    static double harmonicMean(double[] x) {
        if (x.length == 0) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        double reciprocalSum = 0;
        for (double v : x) {
            if (v <= 0) {
                throw ErrorSignal.of(ExcelError.NUM);
            }
            reciprocalSum += 1 / v;
        }
        return x.length / reciprocalSum;
    }

    private static double nonZero(double sd) {
        if (sd == 0) {
            throw ErrorSignal.of(ExcelError.DIV0);
        }
        return sd;
    }
}
