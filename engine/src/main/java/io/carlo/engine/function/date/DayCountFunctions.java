package io.carlo.engine.function.date;

import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import java.util.Locale;

/** Distances between two dates: DAYS, DAYS360, DATEDIF and YEARFRAC. */
final class DayCountFunctions {

    private DayCountFunctions() {
    }

    static void register(FunctionRegistry registry) {
        registry.scalar("DAYS", 2, 2,
                a -> NumberValue.of((double) DateFunctions.serialDay(a, 0) - DateFunctions.serialDay(a, 1)));
        registry.scalar("DAYS360", 2, 3, DayCountFunctions::days360);
        registry.scalar("DATEDIF", 3, 3, DayCountFunctions::datedif);
        registry.scalar("YEARFRAC", 2, 3, DayCountFunctions::yearFrac);
    }

    /**
     * DAYS360 counts every month as 30 days. US (NASD) method, the default: a start on the 31st or
     * on the last day of February counts as the 30th; an end on the 31st counts as the 30th only
     * when the (adjusted) start is the 30th, otherwise as the 1st of the next month. European
     * method (TRUE): any 31st counts as the 30th.
     */
    private static Scalar days360(Arguments a) {
        ExcelCalendar.Ymd start = ExcelCalendar.ymd(DateFunctions.serialDay(a, 0));
        ExcelCalendar.Ymd end = ExcelCalendar.ymd(DateFunctions.serialDay(a, 1));
        boolean european = a.has(2) && a.bool(2);
        int startDay = start.day();
        int endDay = end.day();
        if (european) {
            startDay = Math.min(startDay, 30);
            endDay = Math.min(endDay, 30);
        } else {
            if (startDay == 31 || (start.month() == 2 && start.isLastDayOfMonth())) {
                startDay = 30;
            }
            if (endDay == 31 && startDay == 30) {
                endDay = 30;
            }
        }
        return NumberValue.of(days360(start, startDay, end, endDay));
    }

    static long days360(ExcelCalendar.Ymd start, int startDay, ExcelCalendar.Ymd end, int endDay) {
        return (end.year() - start.year()) * 360L + (end.month() - start.month()) * 30L + endDay - startDay;
    }

    /**
     * DATEDIF(start, end, unit), Lotus's date difference: "Y", "M", "D" count whole years, months
     * and days; "YM" months and "YD" days ignoring years; "MD" days ignoring months and years.
     * "MD" keeps Excel's flaw: when the end's day is before the start's, it counts from the
     * start's day in the month before the end, which may not exist and roll over (31 January to
     * 1 March 2015 is -2).
     */
    private static Scalar datedif(Arguments a) {
        int startSerial = DateFunctions.serialDay(a, 0);
        int endSerial = DateFunctions.serialDay(a, 1);
        String unit = a.text(2).toUpperCase(Locale.ROOT);
        if (startSerial > endSerial) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        ExcelCalendar.Ymd start = ExcelCalendar.ymd(startSerial);
        ExcelCalendar.Ymd end = ExcelCalendar.ymd(endSerial);
        long months = (end.year() - start.year()) * 12L + end.month() - start.month();
        if (end.day() < start.day()) {
            months--; // the last month is not complete
        }
        long result = switch (unit) {
            case "D" -> endSerial - startSerial;
            case "M" -> months;
            case "Y" -> months / 12;
            case "YM" -> months % 12;
            case "MD" -> end.day() >= start.day()
                    ? end.day() - start.day()
                    : endSerial - ExcelCalendar.serialRollingMonths(end.year(), end.month() - 1L, start.day());
            case "YD" -> {
                boolean sameYear = end.month() > start.month()
                        || (end.month() == start.month() && end.day() >= start.day());
                int year = sameYear ? end.year() : end.year() - 1;
                // 29 February in a year without one rolls over to 1 March, as DATE would
                yield endSerial - ExcelCalendar.serialRollingMonths(year, start.month(), start.day());
            }
            default -> throw ErrorSignal.of(ExcelError.NUM);
        };
        return NumberValue.of(result);
    }

    private static Scalar yearFrac(Arguments a) {
        int start = DateFunctions.serialDay(a, 0);
        int end = DateFunctions.serialDay(a, 1);
        long basis = a.has(2) ? DateFunctions.truncated(a, 2) : 0;
        if (basis < 0 || basis > 4) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        return NumberValue.of(YearFraction.of(Math.min(start, end), Math.max(start, end), (int) basis));
    }
}
