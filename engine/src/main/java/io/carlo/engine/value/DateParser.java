package io.carlo.engine.value;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the date and time texts Excel (en-US) turns into serial numbers: 2024-03-15,
 * 3/15/2024, 15-Mar-2024, March 15, 2024, 13:45, 1:45 PM, and a date followed by a time.
 */
final class DateParser {

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern US = Pattern.compile("(\\d{1,2})/(\\d{1,2})(?:/(\\d{2,4}))?");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})[- ]([A-Za-z]{3,9})[- ](\\d{2,4})");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("([A-Za-z]{3,9}) (\\d{1,2}),? (\\d{2,4})");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}(?:\\.\\d+)?))?\\s*([AaPp][Mm])?");

    private DateParser() {
    }

    static OptionalDouble parse(String s) {
        String datePart = s;
        String timePart = null;
        Matcher tm = TIME.matcher(s);
        if (tm.find() && tm.end() == s.length()) {
            timePart = s.substring(tm.start());
            datePart = s.substring(0, tm.start()).trim();
        }
        double time = 0;
        if (timePart != null) {
            OptionalDouble t = parseTime(timePart);
            if (t.isEmpty()) {
                return OptionalDouble.empty();
            }
            time = t.getAsDouble();
        }
        if (datePart.isEmpty()) {
            return timePart == null ? OptionalDouble.empty() : OptionalDouble.of(time);
        }
        OptionalDouble date = parseDate(datePart);
        return date.isPresent() ? OptionalDouble.of(date.getAsDouble() + time) : OptionalDouble.empty();
    }

    private static OptionalDouble parseTime(String s) {
        Matcher m = TIME.matcher(s);
        if (!m.matches()) {
            return OptionalDouble.empty();
        }
        int h = Integer.parseInt(m.group(1));
        int min = Integer.parseInt(m.group(2));
        double sec = m.group(3) == null ? 0 : Double.parseDouble(m.group(3));
        if (m.group(4) != null) {
            if (h < 1 || h > 12) {
                return OptionalDouble.empty();
            }
            boolean pm = m.group(4).equalsIgnoreCase("PM");
            h = h % 12 + (pm ? 12 : 0);
        }
        if (min > 59 || sec >= 60) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((h * 3600 + min * 60 + sec) / 86400.0);
    }

    private static OptionalDouble parseDate(String s) {
        Matcher m = ISO.matcher(s);
        if (m.matches()) {
            return serial(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        m = US.matcher(s);
        if (m.matches()) {
            int year = m.group(3) == null ? LocalDate.now().getYear() : year(m.group(3));
            return serial(year, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = DAY_MONTH_YEAR.matcher(s);
        if (m.matches()) {
            int month = month(m.group(2));
            return month < 0 ? OptionalDouble.empty()
                    : serial(year(m.group(3)), month, Integer.parseInt(m.group(1)));
        }
        m = MONTH_DAY_YEAR.matcher(s);
        if (m.matches()) {
            int month = month(m.group(1));
            return month < 0 ? OptionalDouble.empty()
                    : serial(year(m.group(3)), month, Integer.parseInt(m.group(2)));
        }
        return OptionalDouble.empty();
    }

    private static int year(String y) {
        int v = Integer.parseInt(y);
        if (y.length() <= 2) {
            return v < 30 ? 2000 + v : 1900 + v; // Excel's two-digit year window
        }
        return v;
    }

    private static int month(String name) {
        for (Month m : Month.values()) {
            String full = m.getDisplayName(TextStyle.FULL, Locale.US);
            if (full.equalsIgnoreCase(name) || full.substring(0, 3).equalsIgnoreCase(name)) {
                return m.getValue();
            }
        }
        return -1;
    }

    private static OptionalDouble serial(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 9999) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(ExcelDates.toSerial(LocalDate.of(year, month, day)));
        } catch (java.time.DateTimeException e) {
            return OptionalDouble.empty();
        }
    }
}
