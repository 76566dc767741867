package io.carlo.engine.plan;

import io.carlo.engine.value.ExcelError;

/**
 * Excel errors inside numeric columns, as NaN payloads: the column stays a plain double[] that
 * vector loops run over, and an error flows through arithmetic like any NaN (x86 keeps the first
 * operand's payload, which is also Excel's left-first error precedence). A NaN without a payload,
 * such as 0/0 or sqrt(-1) computed by a kernel, reads as #NUM!.
 */
public final class ErrorBits {

    private static final long QUIET_NAN = 0x7FF8_0000_0000_0000L;
    private static final ExcelError[] ERRORS = ExcelError.values();
    private static final double[] BY_ORDINAL = new double[ERRORS.length];

    static {
        for (ExcelError e : ERRORS) {
            BY_ORDINAL[e.ordinal()] = Double.longBitsToDouble(QUIET_NAN | (e.ordinal() + 1));
        }
    }

    private ErrorBits() {
    }

    public static double of(ExcelError e) {
        return BY_ORDINAL[e.ordinal()];
    }

    /** The error a NaN stands for. */
    public static ExcelError errorOf(double nan) {
        long payload = Double.doubleToRawLongBits(nan) & 0xFFFFL;
        int ordinal = (int) payload - 1;
        return ordinal >= 0 && ordinal < ERRORS.length ? ERRORS[ordinal] : ExcelError.NUM;
    }

    /** A computed double as Excel keeps it: infinity is #NUM!, NaN stays (an error). */
    public static double finite(double v) {
        return Double.isInfinite(v) ? of(ExcelError.NUM) : v;
    }
}
