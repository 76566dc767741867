package io.carlo.engine.value;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Excel's 1900 date system: serial 1 is 1900-01-01, and serial 60 is the 29 February 1900 that never
 * was (kept for Lotus 1-2-3 compatibility), so dates from March 1900 on are one more than the day
 * count. Workbooks in the 1904 system are converted on load, so the engine works in one system.
 */
public final class ExcelDates {

    private static final LocalDate DAY_ZERO = LocalDate.of(1899, 12, 31);
    private static final LocalDate MARCH_1900 = LocalDate.of(1900, 3, 1);

    /** Serial days between the 1900 and 1904 systems. */
    public static final int OFFSET_1904 = 1462;

    private ExcelDates() {
    }

    public static double toSerial(LocalDate date) {
        long days = ChronoUnit.DAYS.between(DAY_ZERO, date);
        return date.isBefore(MARCH_1900) ? days : days + 1;
    }

    /**
     * The calendar date of a serial number (its integer part). Serial 60 maps to 1900-02-28 as no
     * real date exists; use {@link #isFakeLeapDay(double)} where that matters (DAY, TEXT).
     *
     * @throws ErrorSignal #NUM! for serials Excel rejects (negative or after 9999-12-31)
     */
    public static LocalDate toDate(double serial) {
        if (serial < 0 || serial >= 2958466) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        long day = (long) Math.floor(serial);
        if (day >= 61) {
            return DAY_ZERO.plusDays(day - 1);
        }
        if (day == 60) {
            return LocalDate.of(1900, 2, 28);
        }
        return DAY_ZERO.plusDays(day);
    }

    public static boolean isFakeLeapDay(double serial) {
        return Math.floor(serial) == 60;
    }
}
