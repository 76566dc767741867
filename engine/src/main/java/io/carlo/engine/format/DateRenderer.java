package io.carlo.engine.format;

import io.carlo.engine.format.FormatToken.AmPm;
import io.carlo.engine.format.FormatToken.DatePart;
import io.carlo.engine.format.FormatToken.Elapsed;
import io.carlo.engine.format.FormatToken.Literal;
import io.carlo.engine.format.FormatToken.SecondFraction;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelDates;
import io.carlo.engine.value.ExcelError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * Date and time sections. The serial number is first rounded to the smallest unit shown (a whole
 * second, or the .0/.00/.000 of a second), as Excel does, so 0.99999999 shows as the next day's
 * 00:00:00 rather than 23:59:59.
 */
final class DateRenderer {

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final String[] WEEKDAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday"};
    /** Serial 2958465 is 9999-12-31, the last date Excel knows. */
    private static final double LAST_SERIAL = 2958466;

    private DateRenderer() {
    }

    static String render(List<FormatToken> tokens, double serial) {
        if (serial < 0 || serial >= LAST_SERIAL) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        int fractionDigits = 0;
        boolean twelveHour = false;
        for (FormatToken t : tokens) {
            if (t instanceof SecondFraction f) {
                fractionDigits = Math.max(fractionDigits, Math.min(f.digits(), 3));
            }
            twelveHour |= t instanceof AmPm;
        }
        long perSecond = (long) Math.pow(10, fractionDigits);
        long perDay = 86_400L * perSecond;
        long ticks = new BigDecimal(serial).multiply(BigDecimal.valueOf(perDay)).setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
        long day = ticks / perDay;
        long secondOfDay = ticks % perDay / perSecond;
        long subSecond = ticks % perSecond;
        int hour = (int) (secondOfDay / 3600);
        int minute = (int) (secondOfDay / 60 % 60);
        int second = (int) (secondOfDay % 60);
        int[] ymd = calendar(day);
        StringBuilder out = new StringBuilder();
        for (FormatToken t : tokens) {
            switch (t) {
                case Literal l -> out.append(l.text());
                case DatePart p -> out.append(switch (p.unit()) {
                    case 'y' -> p.length() <= 2 ? pad(ymd[0] % 100, 2) : pad(ymd[0], 4);
                    case 'M' -> month(ymd[1], p.length());
                    case 'd' -> day(ymd[2], (int) ((day + 6) % 7), p.length());
                    case 'h' -> pad(twelveHour ? (hour + 11) % 12 + 1 : hour, Math.min(p.length(), 2));
                    case 'm' -> pad(minute, Math.min(p.length(), 2));
                    default -> pad(second, Math.min(p.length(), 2));
                });
                case Elapsed e -> {
                    long seconds = ticks / perSecond;
                    long amount = switch (e.unit()) {
                        case 'h' -> seconds / 3600;
                        case 'm' -> seconds / 60;
                        default -> seconds;
                    };
                    out.append(pad(amount, e.length()));
                }
                case SecondFraction f -> {
                    String digits = pad(subSecond, fractionDigits);
                    out.append('.').append(digits, 0, Math.min(f.digits(), digits.length()));
                }
                case AmPm a -> out.append(hour < 12 ? a.am() : a.pm());
                default -> {
                }
            }
        }
        return out.toString();
    }

    /**
     * Year, month and day of a serial day. Serial 0 is Excel's "January 0, 1900" and serial 60 its
     * fictitious February 29, 1900; both exist only in Excel's calendar.
     */
    private static int[] calendar(long day) {
        if (day == 0) {
            return new int[] {1900, 1, 0};
        }
        if (day == 60) {
            return new int[] {1900, 2, 29};
        }
        LocalDate d = ExcelDates.toDate(day);
        return new int[] {d.getYear(), d.getMonthValue(), d.getDayOfMonth()};
    }

    private static String month(int month, int length) {
        String name = MONTHS[month - 1];
        return switch (length) {
            case 1 -> Integer.toString(month);
            case 2 -> pad(month, 2);
            case 3 -> name.substring(0, 3);
            case 5 -> name.substring(0, 1);
            default -> name;
        };
    }

    private static String day(int dayOfMonth, int weekday, int length) {
        return switch (length) {
            case 1 -> Integer.toString(dayOfMonth);
            case 2 -> pad(dayOfMonth, 2);
            case 3 -> WEEKDAYS[weekday].substring(0, 3);
            default -> WEEKDAYS[weekday];
        };
    }

    private static String pad(long value, int width) {
        String s = Long.toString(value);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }
}
