package io.carlo.engine.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Rounding as Excel displays numbers: a double first becomes its 15-significant-digit decimal
 * (Excel never shows more), which is then rounded half away from zero. That is why 1.005 shows as
 * 1.01 with two decimals even though the double is slightly below 1.005.
 */
final class DecimalDigits {

    private static final MathContext FIFTEEN = new MathContext(15, RoundingMode.HALF_EVEN);

    private DecimalDigits() {
    }

    /** The 15-significant-digit decimal value of a double. */
    static BigDecimal of(double value) {
        if (value == 0) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal(value).round(FIFTEEN).stripTrailingZeros();
    }

    static BigDecimal round(BigDecimal value, int decimals) {
        return value.setScale(decimals, RoundingMode.HALF_UP);
    }

    /** Digits of the integer part, "" when it is zero (so that '#' shows nothing). */
    static String integerDigits(BigDecimal rounded) {
        String s = rounded.abs().toBigInteger().toString();
        return s.equals("0") ? "" : s;
    }

    /** The first {@code count} digits after the decimal point. */
    static String fractionDigits(BigDecimal rounded, int count) {
        if (count == 0) {
            return "";
        }
        BigDecimal frac = rounded.abs().subtract(new BigDecimal(rounded.abs().toBigInteger()));
        String s = frac.setScale(count, RoundingMode.DOWN).unscaledValue().toString();
        return "0".repeat(count - s.length()) + s;
    }

    /** Position of the leading digit: 0 for 1..9.99, -1 for 0.1..0.999, 2 for 100..999. */
    static int exponent(BigDecimal nonZero) {
        return nonZero.precision() - nonZero.scale() - 1;
    }
}
