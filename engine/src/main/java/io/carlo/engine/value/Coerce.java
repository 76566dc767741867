package io.carlo.engine.value;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Excel's implicit conversions between value types, as applied to operator operands and scalar
 * function arguments. Errors are thrown as {@link ErrorSignal} so callers propagate them for free.
 */
public final class Coerce {

    private Coerce() {
    }

    /** A value where a number is wanted: text is parsed (or #VALUE!), TRUE is 1, blank is 0. */
    public static double toNumber(Scalar v) {
        return switch (v) {
            case NumberValue n -> n.value();
            case BlankValue b -> 0;
            case BooleanValue b -> b.value() ? 1 : 0;
            case TextValue t -> parseNumber(t.value()).orElseThrow(() -> ErrorSignal.of(ExcelError.VALUE));
            case ExcelError e -> throw ErrorSignal.of(e);
        };
    }

    /** A value where a text is wanted: numbers in General format, booleans as TRUE/FALSE, blank as "". */
    public static String toText(Scalar v) {
        return switch (v) {
            case TextValue t -> t.value();
            case NumberValue n -> NumberFormatter.general(n.value());
            case BlankValue b -> "";
            case BooleanValue b -> b.value() ? "TRUE" : "FALSE";
            case ExcelError e -> throw ErrorSignal.of(e);
        };
    }

    /** A value where a boolean is wanted: non-zero numbers are TRUE; "TRUE"/"FALSE" text is accepted. */
    public static boolean toBoolean(Scalar v) {
        return switch (v) {
            case BooleanValue b -> b.value();
            case NumberValue n -> n.value() != 0;
            case BlankValue b -> false;
            case TextValue t -> {
                String s = t.value().trim();
                if (s.equalsIgnoreCase("TRUE")) {
                    yield true;
                }
                if (s.equalsIgnoreCase("FALSE")) {
                    yield false;
                }
                throw ErrorSignal.of(ExcelError.VALUE);
            }
            case ExcelError e -> throw ErrorSignal.of(e);
        };
    }

    /** Throws the error when {@code v} is one; returns it otherwise. */
    public static Scalar check(Scalar v) {
        if (v instanceof ExcelError e) {
            throw ErrorSignal.of(e);
        }
        return v;
    }

    /**
     * Parses text the way Excel does when text meets arithmetic or VALUE(): plain and scientific
     * numbers, thousands separators, a leading currency sign, a trailing percent, parentheses for
     * negatives, and dates and times in the common en-US forms (as serial numbers).
     */
    public static OptionalDouble parseNumber(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            return OptionalDouble.empty();
        }
        OptionalDouble plain = parsePlainNumber(s);
        if (plain.isPresent()) {
            return plain;
        }
        return DateParser.parse(s);
    }

    private static OptionalDouble parsePlainNumber(String s) {
        boolean negative = false;
        if (s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = s.substring(1, s.length() - 1).trim();
        }
        if (s.startsWith("-")) {
            negative = !negative;
            s = s.substring(1).trim();
        } else if (s.startsWith("+")) {
            s = s.substring(1).trim();
        }
        if (s.startsWith("$")) {
            s = s.substring(1).trim();
            if (s.startsWith("-")) {
                negative = !negative;
                s = s.substring(1).trim();
            }
        }
        double scale = 1;
        while (s.endsWith("%")) {
            scale /= 100;
            s = s.substring(0, s.length() - 1).trim();
        }
        if (s.isEmpty() || !isNumberSyntax(s)) {
            return OptionalDouble.empty();
        }
        try {
            double v = Double.parseDouble(s.replace(",", "")) * scale;
            return Double.isFinite(v) ? OptionalDouble.of(negative ? -v : v) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** Digits with optional thousands groups, decimal part and exponent; rejects Java-only forms like "1d" or "NaN". */
    private static boolean isNumberSyntax(String s) {
        int i = 0;
        int n = s.length();
        int digits = 0;
        while (i < n && (Character.isDigit(s.charAt(i)) || (s.charAt(i) == ',' && digits > 0))) {
            if (s.charAt(i) != ',') {
                digits++;
            }
            i++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && Character.isDigit(s.charAt(i))) {
                digits++;
                i++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && Character.isDigit(s.charAt(i))) {
                expDigits++;
                i++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    /**
     * Excel's comparison for =, <>, <, <=, >, >=: numbers before text before booleans; text compared
     * case-insensitively; blank equals 0, "" and FALSE. Errors must be handled by the caller.
     *
     * @return negative, zero or positive
     */
    public static int compare(Scalar a, Scalar b) {
        if (a instanceof BlankValue) {
            a = blankLike(b);
        }
        if (b instanceof BlankValue) {
            b = blankLike(a);
        }
        int ra = typeRank(a);
        int rb = typeRank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        return switch (a) {
            case NumberValue n -> Double.compare(n.value(), ((NumberValue) b).value()) ;
            case TextValue t -> compareText(t.value(), ((TextValue) b).value());
            case BooleanValue x -> Boolean.compare(x.value(), ((BooleanValue) b).value());
            default -> 0;
        };
    }

    /** Case-insensitive text order, as Excel sorts and compares text. */
    public static int compareText(String a, String b) {
        return a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT));
    }

    private static Scalar blankLike(Scalar other) {
        return switch (other) {
            case TextValue t -> TextValue.EMPTY;
            case BooleanValue b -> BooleanValue.FALSE;
            default -> NumberValue.ZERO;
        };
    }

    private static int typeRank(Scalar v) {
        return switch (v) {
            case NumberValue n -> 0;
            case TextValue t -> 1;
            case BooleanValue b -> 2;
            default -> 0;
        };
    }
}
