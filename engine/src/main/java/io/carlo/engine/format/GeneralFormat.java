package io.carlo.engine.format;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Excel's General number format as a standard-width cell shows it, and as TEXT(x,"General")
 * returns it: at most 11 characters for the digits and the decimal point (the minus sign comes on
 * top), so PI() shows as 3.141592654. Integers longer than 11 digits and magnitudes below 1E-4
 * switch to scientific notation with as many mantissa digits as fit (1.23457E+11).
 */
final class GeneralFormat {

    private static final int WIDTH = 11;

    private GeneralFormat() {
    }

    static String format(double value) {
        if (value == 0) {
            return "0";
        }
        String sign = value < 0 ? "-" : "";
        BigDecimal x = DecimalDigits.of(Math.abs(value));
        int exponent = DecimalDigits.exponent(x);
        if (exponent < WIDTH && exponent > -5) {
            // digits left for decimals after the integer digits (or the "0") and the point
            int decimals = Math.max(0, WIDTH - 1 - Math.max(exponent + 1, 1));
            BigDecimal rounded = DecimalDigits.round(x, decimals).stripTrailingZeros();
            if (rounded.signum() != 0 && DecimalDigits.exponent(rounded) < WIDTH) {
                return sign + rounded.toPlainString();
            }
        }
        return sign + scientific(x, exponent);
    }

    private static String scientific(BigDecimal x, int exponent) {
        BigDecimal mantissa = mantissa(x, exponent);
        if (mantissa.compareTo(BigDecimal.TEN) >= 0) {
            exponent++;
            mantissa = mantissa(x, exponent);
        }
        String exp = Integer.toString(Math.abs(exponent));
        if (exp.length() < 2) {
            exp = "0" + exp;
        }
        return mantissa.stripTrailingZeros().toPlainString() + "E" + (exponent < 0 ? "-" : "+") + exp;
    }

    /** The mantissa rounded to what fits in 11 characters beside "E+nn" (or "E+nnn"). */
    private static BigDecimal mantissa(BigDecimal x, int exponent) {
        int expChars = Math.max(2, Integer.toString(Math.abs(exponent)).length()) + 2;
        int decimals = WIDTH - expChars - 2;
        return x.movePointLeft(exponent).setScale(decimals, RoundingMode.HALF_UP);
    }
}
