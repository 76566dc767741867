package io.carlo.engine.function.financial;

import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelDates;
import io.carlo.engine.value.ExcelError;
import java.time.LocalDate;

/**
 * The day-count conventions of Excel's {@code basis} argument, as the security functions use them
 * (the same rules as YEARFRAC):
 * 0 = US (NASD) 30/360, 1 = actual/actual, 2 = actual/360, 3 = actual/365, 4 = European 30/360.
 */
enum DayCountBasis {
    US_30_360, ACTUAL_ACTUAL, ACTUAL_360, ACTUAL_365, EUROPEAN_30_360;

    /** The basis for an argument value (truncated), #NUM! outside 0..4. */
    static DayCountBasis of(double basis) {
        double b = Math.floor(basis);
        if (b < 0 || b > 4) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        return values()[(int) b];
    }

    /** Days from {@code start} to {@code end} (serials, start before end) under this convention. */
    double days(double start, double end) {
        return switch (this) {
            case US_30_360 -> usDays360(ExcelDates.toDate(start), ExcelDates.toDate(end));
            case EUROPEAN_30_360 -> europeanDays360(ExcelDates.toDate(start), ExcelDates.toDate(end));
            default -> end - start;
        };
    }

    /** The length of a year in days, for the bases where it is fixed. */
    double fixedYearLength() {
        return this == ACTUAL_365 ? 365 : 360;
    }

    /** YEARFRAC(start, end, basis) for start before or on end. */
    double yearFraction(double start, double end) {
        if (this != ACTUAL_ACTUAL) {
            return days(start, end) / fixedYearLength();
        }
        LocalDate from = ExcelDates.toDate(start);
        LocalDate to = ExcelDates.toDate(end);
        return (end - start) / actualYearLength(from, to);
    }

    /**
     * Excel's actual/actual year: 365 or 366 for dates at most a year apart (366 when a 29 February
     * falls in the span), otherwise the average length of the calendar years the dates touch.
     */
    private static double actualYearLength(LocalDate from, LocalDate to) {
        boolean withinAYear = from.getYear() == to.getYear()
                || (from.getYear() + 1 == to.getYear()
                && (from.getMonthValue() > to.getMonthValue()
                || (from.getMonthValue() == to.getMonthValue() && from.getDayOfMonth() >= to.getDayOfMonth())));
        if (withinAYear) {
            if (from.getYear() == to.getYear()) {
                return from.isLeapYear() ? 366 : 365;
            }
            boolean leapDayInSpan = (from.isLeapYear() && from.isBefore(LocalDate.of(from.getYear(), 3, 1)))
                    || (to.isLeapYear() && !to.isBefore(LocalDate.of(to.getYear(), 2, 29)));
            return leapDayInSpan ? 366 : 365;
        }
        double totalDays = ExcelDates.toSerial(LocalDate.of(to.getYear() + 1, 1, 1))
                - ExcelDates.toSerial(LocalDate.of(from.getYear(), 1, 1));
        return totalDays / (to.getYear() - from.getYear() + 1);
    }

    /**
     * The US rule of YEARFRAC: the 31st counts as the 30th (the end date only when the start is the
     * 30th or 31st), and the last day of February counts as the 30th when the start date is one.
     */
    private static double usDays360(LocalDate from, LocalDate to) {
        int d1 = from.getDayOfMonth();
        int d2 = to.getDayOfMonth();
        boolean fromFebEnd = isLastDayOfFebruary(from);
        if (d1 == 31 && d2 == 31) {
            d1 = 30;
            d2 = 30;
        } else if (d1 == 31) {
            d1 = 30;
        } else if (d1 == 30 && d2 == 31) {
            d2 = 30;
        } else if (fromFebEnd && isLastDayOfFebruary(to)) {
            d1 = 30;
            d2 = 30;
        } else if (fromFebEnd) {
            d1 = 30;
        }
        return days360(from, to, d1, d2);
    }

    private static double europeanDays360(LocalDate from, LocalDate to) {
        return days360(from, to, Math.min(from.getDayOfMonth(), 30), Math.min(to.getDayOfMonth(), 30));
    }

    private static double days360(LocalDate from, LocalDate to, int d1, int d2) {
        return (to.getYear() - from.getYear()) * 360.0 + (to.getMonthValue() - from.getMonthValue()) * 30.0 + (d2 - d1);
    }

    private static boolean isLastDayOfFebruary(LocalDate d) {
        return d.getMonthValue() == 2 && d.getDayOfMonth() == d.lengthOfMonth();
    }
}
