package io.carlo.engine.function.logical;

import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;

/**
 * The running result of SUMIF, AVERAGEIF, MAXIFS and MINIFS over the value cells of matching
 * positions. Only numbers count (text, booleans and blanks in the value range are skipped); an
 * error in a matching cell is the result, while errors in cells that did not match are ignored.
 */
abstract class Aggregate {

    void add(Scalar value) {
        if (value instanceof NumberValue n) {
            accept(n.value());
        } else if (value instanceof ExcelError e) {
            throw ErrorSignal.of(e);
        }
    }

    abstract void accept(double v);

    abstract Scalar result();

    static final class Sum extends Aggregate {
        private double sum;

        @Override
        void accept(double v) {
            sum += v;
        }

        @Override
        Scalar result() {
            return NumberValue.of(sum);
        }
    }

    /** No matching number is #DIV/0!. */
    static final class Average extends Aggregate {
        private double sum;
        private long count;

        @Override
        void accept(double v) {
            sum += v;
            count++;
        }

        @Override
        Scalar result() {
            return count == 0 ? ExcelError.DIV0 : NumberValue.of(sum / count);
        }
    }

    /** No matching number gives 0, as Excel's MAXIFS does. */
    static final class Max extends Aggregate {
        private double max = Double.NEGATIVE_INFINITY;

        @Override
        void accept(double v) {
            max = Math.max(max, v);
        }

        @Override
        Scalar result() {
            return max == Double.NEGATIVE_INFINITY ? NumberValue.ZERO : NumberValue.of(max);
        }
    }

    /** No matching number gives 0, as Excel's MINIFS does. */
    static final class Min extends Aggregate {
        private double min = Double.POSITIVE_INFINITY;

        @Override
        void accept(double v) {
            min = Math.min(min, v);
        }

        @Override
        Scalar result() {
            return min == Double.POSITIVE_INFINITY ? NumberValue.ZERO : NumberValue.of(min);
        }
    }
}
