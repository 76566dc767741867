package io.carlo.engine.function.date;

import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionGroup;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;

/**
 * Excel's date and time functions. Dates are serial numbers in the 1900 system (see
 * {@link ExcelCalendar} for its quirks); this class registers the calendar-building functions and
 * delegates the rest to focused classes: {@link TimeFunctions}, {@link WeekFunctions},
 * {@link WorkdayFunctions} and {@link DayCountFunctions}.
 */
public final class DateFunctions implements FunctionGroup {

    @Override
    public void register(FunctionRegistry registry) {
        registry.scalar("DATE", 3, 3, DateFunctions::date);
        registry.scalar("DATEVALUE", 1, 1, a -> NumberValue.of(Math.floor(DateText.parse(a.scalar(0)))));
        registry.function("TODAY").args(0, 0).volatileFunction()
                .body(a -> NumberValue.of(Math.floor(a.context().now())));
        registry.scalar("YEAR", 1, 1, a -> NumberValue.of(ymd(a, 0).year()));
        registry.scalar("MONTH", 1, 1, a -> NumberValue.of(ymd(a, 0).month()));
        registry.scalar("DAY", 1, 1, a -> NumberValue.of(ymd(a, 0).day()));
        registry.scalar("EDATE", 2, 2, a -> shiftMonths(a, false));
        registry.scalar("EOMONTH", 2, 2, a -> shiftMonths(a, true));
        TimeFunctions.register(registry);
        WeekFunctions.register(registry);
        WorkdayFunctions.register(registry);
        DayCountFunctions.register(registry);
    }

    /** A date argument (number, date text, TRUE...) as a whole-day serial; #NUM! out of range. */
    static int serialDay(Arguments a, int i) {
        return ExcelCalendar.day(a.number(i));
    }

    /** An integer argument truncated toward zero, #NUM! when absurdly large. */
    static long truncated(Arguments a, int i) {
        double d = a.number(i);
        if (Math.abs(d) > 1e12) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        return (long) d;
    }

    private static ExcelCalendar.Ymd ymd(Arguments a, int i) {
        return ExcelCalendar.ymd(serialDay(a, i));
    }

    /**
     * DATE(year, month, day): years 0..1899 mean 1900..3799 (Excel's two-digit-year heritage);
     * months and days overflow into neighbouring years and months, so DATE(2024,14,-3) is
     * 28 January 2025 (1 February 2025 minus 4 days).
     */
    private static Scalar date(Arguments a) {
        long year = truncated(a, 0);
        long month = truncated(a, 1);
        long day = truncated(a, 2);
        if (year < 0 || year > 9999) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        if (year < 1900) {
            year += 1900;
        }
        return NumberValue.of(ExcelCalendar.checked(ExcelCalendar.serialRollingMonths(year, month, day)));
    }

    /**
     * EDATE keeps the day of the month, clipped to the target month's length (31 January + 1 month
     * is 29 February in a leap year); EOMONTH goes to the target month's last day.
     */
    private static Scalar shiftMonths(Arguments a, boolean endOfMonth) {
        ExcelCalendar.Ymd start = ymd(a, 0);
        long months = truncated(a, 1);
        long total = start.year() * 12L + (start.month() - 1) + months;
        long year = Math.floorDiv(total, 12);
        int month = (int) Math.floorMod(total, 12) + 1;
        if (year < 1899 || year > 9999) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        int length = ExcelCalendar.daysInMonth((int) year, month);
        int day = endOfMonth ? length : Math.min(start.day(), length);
        return NumberValue.of(ExcelCalendar.checked(ExcelCalendar.serial((int) year, month, day)));
    }
}
