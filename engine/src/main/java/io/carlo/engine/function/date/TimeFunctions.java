package io.carlo.engine.function.date;

import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;

/** Times of day: fractions of a serial day. */
final class TimeFunctions {

    private static final int SECONDS_PER_DAY = 86400;

    private TimeFunctions() {
    }

    static void register(FunctionRegistry registry) {
        registry.scalar("TIME", 3, 3, TimeFunctions::time);
        registry.scalar("TIMEVALUE", 1, 1, a -> {
            double serial = DateText.parse(a.scalar(0));
            return NumberValue.of(serial - Math.floor(serial));
        });
        registry.function("NOW").args(0, 0).volatileFunction()
                .body(a -> NumberValue.of(a.context().now()));
        registry.scalar("HOUR", 1, 1, a -> NumberValue.of(secondOfDay(a) / 3600));
        registry.scalar("MINUTE", 1, 1, a -> NumberValue.of(secondOfDay(a) / 60 % 60));
        registry.scalar("SECOND", 1, 1, a -> NumberValue.of(secondOfDay(a) % 60));
    }

    /**
     * TIME(hour, minute, second): each part truncated and at most 32767, they may overflow into
     * each other (TIME(0,90,0) is 1:30) and even be negative as long as the total is not; whole
     * days are dropped (TIME(25,0,0) is 1:00).
     */
    private static Scalar time(Arguments a) {
        long total = 0;
        long[] unit = {3600, 60, 1};
        for (int i = 0; i < 3; i++) {
            long part = DateFunctions.truncated(a, i);
            if (part > 32767) {
                throw ErrorSignal.of(ExcelError.NUM);
            }
            total += part * unit[i];
        }
        if (total < 0) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        return NumberValue.of((double) (total % SECONDS_PER_DAY) / SECONDS_PER_DAY);
    }

    /**
     * The time of day of a serial, in whole seconds. Excel rounds to the nearest second rather than
     * truncating (so 10:59:59.6 reads as 11:00:00), and a time that rounds up to midnight is 0:00.
     */
    private static long secondOfDay(Arguments a) {
        double serial = a.number(0);
        ExcelCalendar.day(serial); // range check: negative or past 9999 is #NUM!
        double fraction = serial - Math.floor(serial);
        long seconds = Math.round(fraction * SECONDS_PER_DAY);
        return seconds % SECONDS_PER_DAY;
    }
}
