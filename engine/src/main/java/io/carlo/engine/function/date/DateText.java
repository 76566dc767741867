package io.carlo.engine.function.date;

import io.carlo.engine.value.Coerce;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;
import java.util.OptionalDouble;

/**
 * DATEVALUE and TIMEVALUE read a text as a date-time. Unlike arithmetic coercion they want a text
 * that looks like a date or time: a number (even in a cell) or a plain number text such as "45000"
 * is #VALUE!.
 */
final class DateText {

    private DateText() {
    }

    /** The date-time serial a text argument denotes (date part plus time fraction). */
    static double parse(Scalar argument) {
        Coerce.check(argument);
        if (!(argument instanceof TextValue text) || !looksLikeDateOrTime(text.value())) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        OptionalDouble serial = Coerce.parseNumber(text.value());
        if (serial.isEmpty()) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        return serial.getAsDouble();
    }

    /**
     * A date or time text has a time or date separator or a month name somewhere; a plain number
     * has only digits, signs, separators, an exponent, '$' or '%'.
     */
    private static boolean looksLikeDateOrTime(String s) {
        String t = s.trim();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ':' || c == '/') {
                return true;
            }
            if (Character.isLetter(c) && c != 'e' && c != 'E') {
                return true;
            }
            if (c == '-' && i > 0 && "eE($ ".indexOf(t.charAt(i - 1)) < 0) {
                return true; // 2024-03-15, 15-Mar-2024; not -5 or 1E-5
            }
        }
        return false;
    }
}
