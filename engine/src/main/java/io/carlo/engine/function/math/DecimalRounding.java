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
 *
 * <p>BigDecimal is slow for functions a simulation calls millions of times, so each routine first
 * tries plain double arithmetic and keeps it only when the value is clearly away from a rounding
 * boundary, where both routes necessarily agree.
 */
public final class DecimalRounding {

    private static final MathContext FIFTEEN_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);

    /** Powers of ten that are exact doubles. */
    private static final double[] POWERS = new double[23];

    /**
     * How far from a boundary a scaled value must be for the fast route: the 15-digit value differs
     * from the double by at most 5e-15 relative, far below this.
     */
    private static final double MARGIN = 1e-7;

    /** Scaled values beyond this are left to BigDecimal (the margin would no longer be meaningful). */
    private static final double FAST_LIMIT = 1e7;

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    private DecimalRounding() {
    }

    /** The value as Excel displays it: rounded to 15 significant digits. */
    static BigDecimal shown(double value) {
        if (!Double.isFinite(value)) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        return new BigDecimal(value).round(FIFTEEN_DIGITS);
    }

    /** {@link #shown(double)} back as a double: strips the binary noise of a computation (0.1*3). */
    static double clean(double value) {
        return value == 0 || !Double.isFinite(value) ? value : shown(value).doubleValue();
    }

    /** The floor of the value as shown: 2.9999999999999996 (0.3/0.1) floors to 3. */
    static double floorShown(double q) {
        double f = Math.floor(q);
        if (Math.abs(q) < FAST_LIMIT && q - f > MARGIN && f + 1 - q > MARGIN) {
            return f;
        }
        return Math.floor(clean(q));
    }

    /** The ceiling of the value as shown: 3.0000000000000004 ceils to 3. */
    static double ceilShown(double q) {
        double c = Math.ceil(q);
        if (Math.abs(q) < FAST_LIMIT && c - q > MARGIN && q - (c - 1) > MARGIN) {
            return c;
        }
        return Math.ceil(clean(q));
    }

    /**
     * Rounds to {@code digits} decimals (negative: to tens, hundreds...) in the given mode, where
     * HALF_UP is Excel's half-away-from-zero, UP is away from zero and DOWN toward zero.
     */
    public static double round(double value, double digits, RoundingMode mode) {
        if (value == 0) {
            return 0;
        }
        // Beyond these bounds the result no longer changes (a double has no digit past 1e-324 and
        // no value past 1e308); clamping keeps BigDecimal from building huge scales.
        int places = (int) Math.max(-400, Math.min(400, truncate(digits)));
        if (places >= 0 && places < POWERS.length) {
            double fast = fastRound(value, places, mode);
            if (!Double.isNaN(fast)) {
                return fast;
            }
        }
        return roundShown(value, places, mode);
    }

    /** The reference route: round the 15-digit decimal value. */
    static double roundShown(double value, int places, RoundingMode mode) {
        return shown(value).setScale(places, mode).doubleValue();
    }

    /**
     * Rounds |value| * 10^places to an integer k in double arithmetic when it is clearly away from the
     * boundary that decides the mode; k / 10^places is then the same double BigDecimal would give
     * (both exact operands, one correctly rounded division). NaN when undecided.
     */
    private static double fastRound(double value, int places, RoundingMode mode) {
        double scaled = Math.abs(value) * POWERS[places];
        if (!(scaled < FAST_LIMIT)) {
            return Double.NaN;
        }
        double whole = Math.floor(scaled);
        double fraction = scaled - whole;
        if (fraction == 0) {
            // a whole number of units (up to the last bit of the product): every mode keeps it
            double exact = whole / POWERS[places];
            return value < 0 ? -exact : exact;
        }
        double k;
        if (mode == RoundingMode.HALF_UP) {
            if (Math.abs(fraction - 0.5) <= MARGIN) {
                return Double.NaN;
            }
            k = fraction > 0.5 ? whole + 1 : whole;
        } else {
            if (fraction <= MARGIN || fraction >= 1 - MARGIN) {
                return Double.NaN;
            }
            k = mode == RoundingMode.UP ? whole + 1 : whole;
        }
        double result = k / POWERS[places];
        return value < 0 && k != 0 ? -result : result;
    }

    /** Toward zero, like Excel's integer parameters. */
    static double truncate(double d) {
        return d < 0 ? Math.ceil(d) : Math.floor(d);
    }
}
