package io.carlo.engine.function.date;

import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.Coerce;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;

/** Which days of the week are not worked, as the .INTL functions' weekend argument says. */
final class Weekend {

    /** Saturday and Sunday, as NETWORKDAYS and WORKDAY assume. */
    static final Weekend SATURDAY_SUNDAY = new Weekend(new boolean[] {true, false, false, false, false, false, true});

    /** Indexed by {@link ExcelCalendar#weekday(long)}: 0 = Sunday. */
    private final boolean[] off;

    private Weekend(boolean[] off) {
        this.off = off;
    }

    /**
     * The weekend argument: a code 1..7 (two days: 1 Saturday-Sunday, 2 Sunday-Monday ...
     * 7 Friday-Saturday) or 11..17 (one day: Sunday, Monday ... Saturday), or a seven-character
     * mask of 0s and 1s starting on Monday ("0000011" is Saturday-Sunday). Left empty it is 1.
     * An unknown code is #NUM!, a malformed mask #VALUE!.
     */
    static Weekend of(Scalar argument) {
        Coerce.check(argument);
        if (argument instanceof BlankValue) {
            return SATURDAY_SUNDAY;
        }
        boolean[] off = new boolean[7];
        if (argument instanceof TextValue text) {
            String mask = text.value();
            if (mask.length() != 7) {
                throw ErrorSignal.of(ExcelError.VALUE);
            }
            for (int i = 0; i < 7; i++) {
                char c = mask.charAt(i);
                if (c != '0' && c != '1') {
                    throw ErrorSignal.of(ExcelError.VALUE);
                }
                off[(i + 1) % 7] = c == '1'; // the mask starts on Monday
            }
            return new Weekend(off);
        }
        double code = Coerce.toNumber(argument);
        int n = (int) code;
        if (code != n) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        if (n >= 1 && n <= 7) {
            off[(n + 5) % 7] = true;
            off[(n + 6) % 7] = true;
        } else if (n >= 11 && n <= 17) {
            off[n - 11] = true;
        } else {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        return new Weekend(off);
    }

    boolean isWorkday(long serial) {
        return !off[ExcelCalendar.weekday(serial)];
    }

    int workdaysPerWeek() {
        int n = 0;
        for (boolean b : off) {
            if (!b) {
                n++;
            }
        }
        return n;
    }
}
