package io.carlo.engine.function.math;

import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Rounding the way Excel's users see it. Excel shows at most 15 significant digits, and its rounding
 * functions work on that shown decimal value rather than on the exact binary double: ROUND(2.675,2)
 * is 2.68 although the double nearest 2.675 is 2.67499999999999982... Going through the 15-digit
 * decimal representation reproduces this.
 */
final class DecimalRounding {

    private static final MathContext FIFTEEN_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);

    private DecimalRounding() {
    }

    /** The value as Excel displays it: rounded to 15 significant digits. */
    static BigDecimal shown(double value) {
        if (!Double.isFinite(value)) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        return new BigDecimal(value).round(FIFTEEN_DIGITS);
    }

    /** {@link #shown(BigDecimal)} back as a double: strips the binary noise of a computation (0.1*3). */
    static double clean(double value) {
        return value == 0 || !Double.isFinite(value) ? value : shown(value).doubleValue();
    }

    /**
     * Rounds to {@code digits} decimals (negative: to tens, hundreds...) in the given mode, where
     * HALF_UP is Excel's half-away-from-zero, UP is away from zero and DOWN toward zero.
     */
    static double round(double value, double digits, RoundingMode mode) {
        if (value == 0) {
            return 0;
        }
        // Beyond these bounds the result no longer changes (a double has no digit past 1e-324 and
        // no value past 1e308); clamping keeps BigDecimal from building huge scales.
        int places = (int) Math.max(-400, Math.min(400, truncate(digits)));
        return shown(value).setScale(places, mode).doubleValue();
    }

    /** Toward zero, like Excel's integer parameters. */
    static double truncate(double d) {
        return d < 0 ? Math.ceil(d) : Math.floor(d);
    }
}
