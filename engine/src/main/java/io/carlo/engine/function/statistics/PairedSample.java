package io.carlo.engine.function.statistics;

import io.carlo.engine.function.Arguments;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import java.util.Arrays;

/**
 * Two arrays read side by side (CORREL, SLOPE, COVAR...): element i of one goes with element i of
 * the other, whatever the shapes, so both must hold as many elements (#N/A otherwise). A pair
 * where either side is not a number (text, boolean, blank) is left out entirely; an error on
 * either side is the result.
 */
record PairedSample(double[] xs, double[] ys) {

    /** Reads the pairs of the arguments at {@code yIndex} and {@code xIndex}. */
    static PairedSample of(Arguments args, int yIndex, int xIndex) {
        Grid y = args.grid(yIndex);
        Grid x = args.grid(xIndex);
        return of(x, y);
    }

    static PairedSample of(Grid x, Grid y) {
        int size = x.size();
        if (y.size() != size) {
            throw ErrorSignal.of(ExcelError.NA);
        }
        double[] xs = new double[size];
        double[] ys = new double[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            Scalar a = x.get(i);
            Scalar b = y.get(i);
            if (a instanceof ExcelError e) {
                throw ErrorSignal.of(e);
            }
            if (b instanceof ExcelError e) {
                throw ErrorSignal.of(e);
            }
            if (a instanceof NumberValue xv && b instanceof NumberValue yv) {
                xs[n] = xv.value();
                ys[n] = yv.value();
                n++;
            }
        }
        return new PairedSample(Arrays.copyOf(xs, n), Arrays.copyOf(ys, n));
    }

    int size() {
        return xs.length;
    }

    double meanX() {
        return Moments.mean(xs);
    }

    double meanY() {
        return Moments.mean(ys);
    }

    /** Sum of (x - mean x)^2, two-pass. */
    double sxx() {
        return Moments.sumOfSquaredDeviations(xs);
    }

    double syy() {
        return Moments.sumOfSquaredDeviations(ys);
    }

    /** Sum of (x - mean x)(y - mean y), two-pass. */
    double sxy() {
        double mx = meanX();
        double my = meanY();
        double sum = 0;
        for (int i = 0; i < xs.length; i++) {
            sum += (xs[i] - mx) * (ys[i] - my);
        }
        return sum;
    }
}
