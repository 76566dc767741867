package io.carlo.engine.function.date;

import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * The calendar Excel's date functions really use, which is not quite the Gregorian one: it
 * inherited Lotus 1-2-3's belief that 1900 was a leap year, so serial 60 is "29 February 1900",
 * and serial 0 is "0 January 1900" (YEAR(0)=1900, MONTH(0)=1, DAY(0)=0). From 1 March 1900 on
 * (serial 61) everything is Gregorian. Weekdays follow the serial number, so 1 January 1900 is a
 * "Sunday" in Excel although it was a Monday.
 */
final class ExcelCalendar {

    /** The last serial Excel accepts: 9999-12-31. */
    static final int MAX_SERIAL = 2958465;

    private static final LocalDate DAY_ZERO = LocalDate.of(1899, 12, 31);
    private static final LocalDate MARCH_1900 = LocalDate.of(1900, 3, 1);

    private ExcelCalendar() {
    }

    /** A day in Excel's calendar; day may be 0 (serial 0) and 29 February 1900 exists. */
    record Ymd(int year, int month, int day) {

        boolean isLastDayOfMonth() {
            return day == daysInMonth(year, month);
        }
    }

    /**
     * The whole-day serial of a date argument: fractions (times) are dropped, and serials outside
     * 0..9999-12-31 are #NUM!, as in every Excel date function.
     */
    static int day(double serial) {
        if (serial < 0 || serial >= MAX_SERIAL + 1) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        return (int) Math.floor(serial);
    }

    static Ymd ymd(int serial) {
        if (serial == 0) {
            return new Ymd(1900, 1, 0);
        }
        if (serial == 60) {
            return new Ymd(1900, 2, 29);
        }
        LocalDate d = DAY_ZERO.plusDays(serial < 60 ? serial : serial - 1L);
        return new Ymd(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    /**
     * The serial of a year, month (1..12) and day, where the day may run past the month's end or
     * below 1 (DATE's overflow rules). Not range-checked; see {@link #checked(long)}.
     */
    static long serial(int year, int month, long day) {
        return firstOfMonth(year, month) + day - 1;
    }

    /** Like {@link #serial(int, int, long)} with any month number, rolling it into the year. */
    static long serialRollingMonths(long year, long month, long day) {
        long months = year * 12 + (month - 1);
        long y = Math.floorDiv(months, 12);
        int m = (int) Math.floorMod(months, 12) + 1;
        if (y < -1 || y > 10000) {
            throw ErrorSignal.of(ExcelError.NUM); // no day count can bring it back into range
        }
        return serial((int) y, m, day);
    }

    private static long firstOfMonth(int year, int month) {
        LocalDate first;
        try {
            first = LocalDate.of(year, month, 1);
        } catch (DateTimeException e) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        long days = ChronoUnit.DAYS.between(DAY_ZERO, first);
        // the phantom 29 February 1900 shifts every later date by one
        return first.isBefore(MARCH_1900) ? days : days + 1;
    }

    /** A computed serial as a result: #NUM! outside 0..9999-12-31. */
    static int checked(long serial) {
        if (serial < 0 || serial > MAX_SERIAL) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        return (int) serial;
    }

    static boolean isLeapYear(int year) {
        return year == 1900 || Year.isLeap(year);
    }

    static int daysInMonth(int year, int month) {
        if (year == 1900 && month == 2) {
            return 29;
        }
        return YearMonth.of(year, month).lengthOfMonth();
    }

    /** Day of the week by Excel's count: 0 = Sunday ... 6 = Saturday (serial 1 is a Sunday). */
    static int weekday(long serial) {
        return (int) Math.floorMod(serial + 6, 7);
    }
}
