package io.carlo.engine.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Turns numbers into text the way Excel's General format does when a number meets text (&, TEXT...). */
public final class NumberFormatter {

    private static final MathContext FIFTEEN_DIGITS = new MathContext(15, RoundingMode.HALF_UP);

    private NumberFormatter() {
    }

    /** Up to 15 significant digits, no trailing zeros, scientific notation for very large or small magnitudes. */
    public static String general(double value) {
        if (value == 0) {
            return "0";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        BigDecimal rounded = new BigDecimal(value).round(FIFTEEN_DIGITS).stripTrailingZeros();
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent >= 15 || exponent < -9) {
            return scientific(rounded, exponent);
        }
        return rounded.toPlainString();
    }

    private static String scientific(BigDecimal rounded, int exponent) {
        BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
        String m = mantissa.toPlainString();
        String sign = exponent < 0 ? "-" : "+";
        int abs = Math.abs(exponent);
        return m + "E" + sign + (abs < 10 ? "0" + abs : Integer.toString(abs));
    }
}
