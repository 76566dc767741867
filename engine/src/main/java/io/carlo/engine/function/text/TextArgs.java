package io.carlo.engine.function.text;

import io.carlo.engine.function.Arguments;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;

/** Argument and result rules shared by the text functions. */
final class TextArgs {

    /** Excel's longest text: a longer result is #VALUE!. */
    static final int MAX_LENGTH = 32_767;

    private TextArgs() {
    }

    /** A character count (truncated toward zero); negative counts are #VALUE!. */
    static int count(Arguments args, int i, int absent) {
        if (!args.has(i)) {
            return absent;
        }
        double d = args.number(i);
        if (d < 0) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        return (int) Math.min(d, Integer.MAX_VALUE);
    }

    /** A 1-based character position (truncated); below 1 is #VALUE!. */
    static int position(Arguments args, int i, int absent) {
        if (!args.has(i)) {
            return absent;
        }
        double d = args.number(i);
        if (d < 1) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        return (int) Math.min(d, Integer.MAX_VALUE);
    }

    /** A text result, or #VALUE! when it exceeds Excel's 32,767 characters. */
    static Scalar text(String s) {
        if (s.length() > MAX_LENGTH) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        return s.isEmpty() ? TextValue.EMPTY : new TextValue(s);
    }

    /** Fails early when a result under construction is already too long. */
    static void checkLength(long length) {
        if (length > MAX_LENGTH) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
    }
}
