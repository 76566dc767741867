package io.carlo.engine.value;

/**
 * An Excel number. Excel has no NaN or infinity: {@link #of(double)} maps them to #NUM!, so a
 * NumberValue always holds a finite double.
 */
public record NumberValue(double value) implements Scalar {

    public static final NumberValue ZERO = new NumberValue(0);
    public static final NumberValue ONE = new NumberValue(1);

    public static Scalar of(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return ExcelError.NUM;
        }
        if (value == 0) {
            return ZERO; // also folds -0.0, which Excel does not have
        }
        return new NumberValue(value);
    }

    @Override
    public String toString() {
        return NumberFormatter.general(value);
    }
}
