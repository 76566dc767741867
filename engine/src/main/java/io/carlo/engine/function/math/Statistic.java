package io.carlo.engine.function.math;

import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import java.util.Arrays;

/**
 * The statistics SUBTOTAL and AGGREGATE can compute, in their function-number order: SUBTOTAL uses
 * 1-11 (and 101-111), AGGREGATE 1-19. Each works on the numbers gathered from the ranges; COUNTA
 * works on the count of non-blank values, which the caller passes as {@code nonBlank}.
 */
enum Statistic {
    AVERAGE, COUNT, COUNTA, MAX, MIN, PRODUCT, STDEV_S, STDEV_P, SUM, VAR_S, VAR_P,
    MEDIAN, MODE_SNGL, LARGE, SMALL, PERCENTILE_INC, QUARTILE_INC, PERCENTILE_EXC, QUARTILE_EXC;

    /** By function number (1-based), or #VALUE! for an unknown one. */
    static Statistic byNumber(int number) {
        if (number < 1 || number > values().length) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        return values()[number - 1];
    }

    /** LARGE to QUARTILE.EXC take a second parameter (k, percentile or quart). */
    boolean takesParameter() {
        return ordinal() >= LARGE.ordinal();
    }

    double compute(double[] x, int nonBlank, double parameter) {
        int n = x.length;
        return switch (this) {
            case AVERAGE -> {
                requireCount(n, 1, ExcelError.DIV0);
                yield SumFunctions.sum(x) / n;
            }
            case COUNT -> n;
            case COUNTA -> nonBlank;
            case MAX -> n == 0 ? 0 : Arrays.stream(x).max().getAsDouble();
            case MIN -> n == 0 ? 0 : Arrays.stream(x).min().getAsDouble();
            case PRODUCT -> SumFunctions.product(x);
            case SUM -> SumFunctions.sum(x);
            case STDEV_S -> Math.sqrt(variance(x, 1));
            case STDEV_P -> Math.sqrt(variance(x, 0));
            case VAR_S -> variance(x, 1);
            case VAR_P -> variance(x, 0);
            case MEDIAN -> {
                requireCount(n, 1, ExcelError.NUM);
                yield percentileInclusive(sorted(x), 0.5);
            }
            case MODE_SNGL -> mode(x);
            case LARGE, SMALL -> {
                int k = (int) Math.min(Math.floor(parameter), Integer.MAX_VALUE);
                if (k < 1 || k > n) {
                    throw ErrorSignal.of(ExcelError.NUM);
                }
                double[] s = sorted(x);
                yield this == SMALL ? s[k - 1] : s[n - k];
            }
            case PERCENTILE_INC -> percentileInclusive(sorted(x), parameter);
            case QUARTILE_INC -> {
                double q = Math.floor(parameter);
                if (q < 0 || q > 4) {
                    throw ErrorSignal.of(ExcelError.NUM);
                }
                yield percentileInclusive(sorted(x), q / 4);
            }
            case PERCENTILE_EXC -> percentileExclusive(sorted(x), parameter);
            case QUARTILE_EXC -> {
                double q = Math.floor(parameter);
                if (q <= 0 || q >= 4) {
                    throw ErrorSignal.of(ExcelError.NUM);
                }
                yield percentileExclusive(sorted(x), q / 4);
            }
        };
    }

    private static void requireCount(int n, int min, ExcelError error) {
        if (n < min) {
            throw ErrorSignal.of(error);
        }
    }

    private static double[] sorted(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s;
    }

    /** Sample (lost = 1) or population (lost = 0) variance, by two passes for accuracy. */
    private static double variance(double[] x, int lost) {
        requireCount(x.length, lost + 1, ExcelError.DIV0);
        double mean = SumFunctions.sum(x) / x.length;
        double squares = 0;
        for (double v : x) {
            squares += (v - mean) * (v - mean);
        }
        return squares / (x.length - lost);
    }

    /** The most frequent value, the first one met on a tie; #N/A when no value repeats. */
    private static double mode(double[] x) {
        double best = 0;
        int bestCount = 1;
        for (int i = 0; i < x.length; i++) {
            int count = 0;
            for (double v : x) {
                if (v == x[i]) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = x[i];
                bestCount = count;
            }
        }
        if (bestCount < 2) {
            throw ErrorSignal.of(ExcelError.NA);
        }
        return best;
    }

    /** PERCENTILE.INC: rank p*(n-1) from the smallest, interpolated linearly. */
    private static double percentileInclusive(double[] s, double p) {
        if (s.length == 0 || p < 0 || p > 1) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        return interpolate(s, p * (s.length - 1));
    }

    /** PERCENTILE.EXC: rank p*(n+1) counted from 1, which must fall within 1..n. */
    private static double percentileExclusive(double[] s, double p) {
        double rank = p * (s.length + 1);
        if (s.length == 0 || p <= 0 || p >= 1 || rank < 1 || rank > s.length) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        return interpolate(s, rank - 1);
    }

    private static double interpolate(double[] s, double index) {
        int lo = (int) Math.floor(index);
        double fraction = index - lo;
        if (lo + 1 >= s.length) {
            return s[s.length - 1];
        }
        return s[lo] + fraction * (s[lo + 1] - s[lo]);
    }
}
