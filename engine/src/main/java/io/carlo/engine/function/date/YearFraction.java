package io.carlo.engine.function.date;

/**
 * YEARFRAC's five day-count bases, following the algorithm Microsoft confirmed for the
 * OpenFormula specification (Excel's own code, quirks included).
 */
final class YearFraction {

    private YearFraction() {
    }

    /** The fraction of a year between two serial days, start &lt;= end. */
    static double of(int start, int end, int basis) {
        ExcelCalendar.Ymd s = ExcelCalendar.ymd(start);
        ExcelCalendar.Ymd e = ExcelCalendar.ymd(end);
        return switch (basis) {
            case 0 -> us30360(s, e) / 360.0;
            case 1 -> (end - start) / actualYearLength(s, e, start, end);
            case 2 -> (end - start) / 360.0;
            case 3 -> (end - start) / 365.0;
            case 4 -> DayCountFunctions.days360(s, Math.min(s.day(), 30), e, Math.min(e.day(), 30)) / 360.0;
            default -> throw new IllegalArgumentException("basis " + basis);
        };
    }

    /**
     * US 30/360 as YEARFRAC does it, which is not quite DAYS360: both ends on the last day of
     * February make the end the 30th; an end on the 31st becomes the 30th when the start's
     * original day is 30 or 31; only then is a start on the 31st or at February's end moved to 30.
     */
    private static long us30360(ExcelCalendar.Ymd s, ExcelCalendar.Ymd e) {
        int startDay = s.day();
        int endDay = e.day();
        boolean startIsFebruaryEnd = s.month() == 2 && s.isLastDayOfMonth();
        if (e.month() == 2 && e.isLastDayOfMonth() && startIsFebruaryEnd) {
            endDay = 30;
        }
        if (endDay == 31 && startDay >= 30) {
            endDay = 30;
        }
        if (startDay == 31 || startIsFebruaryEnd) {
            startDay = 30;
        }
        return DayCountFunctions.days360(s, startDay, e, endDay);
    }

    /**
     * Actual/actual: within a year (up to the same day a year later) the year is 366 days when
     * a 29 February lies in the period or the period ends on one, else 365; over longer periods
     * it is the average length of the calendar years touched.
     */
    private static double actualYearLength(ExcelCalendar.Ymd s, ExcelCalendar.Ymd e, int start, int end) {
        boolean withinAYear = s.year() == e.year()
                || (s.year() + 1 == e.year()
                    && (s.month() > e.month() || (s.month() == e.month() && s.day() >= e.day())));
        if (withinAYear) {
            if (s.year() == e.year()) {
                return ExcelCalendar.isLeapYear(s.year()) ? 366 : 365;
            }
            boolean leapDay = (ExcelCalendar.isLeapYear(s.year()) && s.month() <= 2)
                    || (ExcelCalendar.isLeapYear(e.year()) && e.month() >= 3)
                    || (e.month() == 2 && e.day() == 29);
            return leapDay ? 366 : 365;
        }
        int years = e.year() - s.year() + 1;
        long days = ExcelCalendar.serial(e.year() + 1, 1, 1) - ExcelCalendar.serial(s.year(), 1, 1);
        return (double) days / years;
    }
}
