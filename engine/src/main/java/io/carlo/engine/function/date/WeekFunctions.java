package io.carlo.engine.function.date;

import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;

/**
 * Weekdays and week numbers. Days of the week come from the serial number (serial 1 is a
 * "Sunday"), so they are Excel's even in the phantom part of 1900.
 */
final class WeekFunctions {

    private static final int SUNDAY = 0;
    private static final int MONDAY = 1;

    private WeekFunctions() {
    }

    static void register(FunctionRegistry registry) {
        registry.scalar("WEEKDAY", 1, 2, WeekFunctions::weekday);
        registry.scalar("WEEKNUM", 1, 2, WeekFunctions::weekNum);
        registry.scalar("ISOWEEKNUM", 1, 1, a -> NumberValue.of(isoWeek(DateFunctions.serialDay(a, 0))));
    }

    /**
     * WEEKDAY's return types: 1 (Sunday=1..Saturday=7, the default), 2 (Monday=1..Sunday=7),
     * 3 (Monday=0..Sunday=6), and 11..17 (week starting Monday..Sunday, first day = 1).
     */
    private static Scalar weekday(Arguments a) {
        int serial = DateFunctions.serialDay(a, 0);
        long type = a.has(1) ? DateFunctions.truncated(a, 1) : 1;
        int day = ExcelCalendar.weekday(serial);
        int firstDay;
        int base = 1;
        if (type == 1) {
            firstDay = SUNDAY;
        } else if (type == 2) {
            firstDay = MONDAY;
        } else if (type == 3) {
            firstDay = MONDAY;
            base = 0;
        } else if (type >= 11 && type <= 17) {
            firstDay = (int) (type - 10) % 7; // 11 = Monday ... 16 = Saturday, 17 = Sunday
        } else {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        return NumberValue.of(Math.floorMod(day - firstDay, 7) + base);
    }

    /**
     * WEEKNUM: week 1 is the week containing 1 January, weeks start on the given day
     * (1/17 Sunday, 2/11 Monday, 12..16 Tuesday..Saturday); type 21 is the ISO week.
     */
    private static Scalar weekNum(Arguments a) {
        int serial = DateFunctions.serialDay(a, 0);
        long type = a.has(1) ? DateFunctions.truncated(a, 1) : 1;
        int firstDay;
        if (type == 1 || type == 17) {
            firstDay = SUNDAY;
        } else if (type == 2 || type == 11) {
            firstDay = MONDAY;
        } else if (type >= 12 && type <= 16) {
            firstDay = (int) (type - 10);
        } else if (type == 21) {
            return NumberValue.of(isoWeek(serial));
        } else {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        int year = ExcelCalendar.ymd(serial).year();
        long januaryFirst = ExcelCalendar.serial(year, 1, 1);
        int offset = Math.floorMod(ExcelCalendar.weekday(januaryFirst) - firstDay, 7);
        return NumberValue.of(Math.floorDiv(serial - januaryFirst + offset, 7) + 1);
    }

    /** ISO 8601 week: weeks start on Monday and week 1 holds the year's first Thursday. */
    static int isoWeek(int serial) {
        int daysSinceMonday = Math.floorMod(ExcelCalendar.weekday(serial) - MONDAY, 7);
        long thursday = serial - daysSinceMonday + 3;
        int year = thursday < 1 ? 1899 : ExcelCalendar.ymd((int) thursday).year();
        long januaryFirst = ExcelCalendar.serial(year, 1, 1);
        return (int) ((thursday - januaryFirst) / 7) + 1;
    }
}
